import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { AREA_ENTRIES } from './components/shell/areas';
import { NavBar } from './components/shell/NavBar';
import { StatusBar } from './components/shell/StatusBar';
import { ErrorBoundary } from './components/shell/ErrorBoundary';
import { KeysDialog } from './components/shell/KeysDialog';
import { AboutDialog } from './components/shell/AboutDialog';
import { useAppKeys } from './components/shell/useAppKeys';
import { useFitZoom } from './components/shell/useFitZoom';
import { formatHash, parseHash, type HashRoute } from './state/hashRoute';
import { selectArea, selectPresenting, useHashSelector } from './state/useHashRoute';
import { t } from './i18n';
import { registerServiceWorker } from './sw/registerServiceWorker';

const selectLessonOpen = (route: HashRoute): boolean => route.params.has('lesson');

/**
 * Writes the current link with `present=1` set or removed, keeping the rest of it. Reads the link when
 * called, so the shell needs no copy of the area's params (and does not re-render when they change).
 */
function setPresent(on: boolean): void {
  const { area, params } = parseHash(window.location.hash);
  if (on) params.set('present', '1');
  else params.delete('present');
  window.history.replaceState(null, '', formatHash(area, params));
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function App() {
  // The shell reads only what it shows from the link (area, presentation, whether a lesson is open),
  // each with a selector: an area's own settings changing in the link (a slider, a bias typed in the
  // explorer) re-render that area alone, which reads them itself. Was the whole app for each change.
  const area = useHashSelector(selectArea);
  const { Component, title } = AREA_ENTRIES[area];
  // Presentation mode (`present=1` in any link): the same components with larger tokens (tokens.css).
  const present = useHashSelector(selectPresenting);
  const lessonOpen = useHashSelector(selectLessonOpen);
  // A lesson in presentation mode takes the whole screen: no nav or status bar.
  const fullScreenLesson = present && area === 'learn' && lessonOpen;
  const [dialog, setDialog] = useState<'keys' | 'about' | null>(null);
  // Stable, so the memoised bar and dialogs skip the re-render every link change brings.
  const openAbout = useCallback(() => setDialog('about'), []);
  const openKeys = useCallback(() => setDialog('keys'), []);
  const closeDialog = useCallback(() => setDialog(null), []);
  // An area in presentation mode is zoomed down (to 20/24 at most) to fit the screen below the app bar
  // without scrolling (a lesson fits itself); its text floor is 24 px (tokens.css), so it stays at 20.
  // Not up: an area's panels rearrange by their own width (container queries), and a zoomed-up area
  // is narrower inside, so it would stack its panels and grow taller instead of larger.
  const mainRef = useRef<HTMLElement>(null);
  const areaRef = useRef<HTMLDivElement>(null);
  const zoom = useFitZoom(mainRef, areaRef, present && !fullScreenLesson, area, { min: 20 / 24, max: 1 });
  useAppKeys({
    help: () => setDialog((d) => (d === 'keys' ? null : 'keys')),
    present: () => setPresent(!present),
  });
  // Escape leaves presentation mode (a lesson handles its own Escape, which also leaves full screen).
  useEffect(() => {
    if (!present || area === 'learn') return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) setPresent(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [present, area]);
  // Registered here, once the app shell renders, so that a reload without network still starts.
  useEffect(registerServiceWorker, []);
  const classes = ['app', `area-${area}`, present && 'present', fullScreenLesson && 'presenting'];
  return (
    <div className={classes.filter(Boolean).join(' ')}>
      <NavBar current={area} present={present} onPresent={setPresent} />
      <main className="app-main" id="main" ref={mainRef}>
        <div className="area-fit" ref={areaRef} style={zoom === 1 ? undefined : { zoom }}>
          <ErrorBoundary key={area} where={title}>
            <Suspense fallback={<p className="loading">{t('shell.loadingArea', { area: title })}</p>}>
              <Component />
            </Suspense>
          </ErrorBoundary>
        </div>
      </main>
      <StatusBar onAbout={openAbout} onKeys={openKeys} />
      <KeysDialog open={dialog === 'keys'} onClose={closeDialog} />
      <AboutDialog open={dialog === 'about'} onClose={closeDialog} />
    </div>
  );
}
