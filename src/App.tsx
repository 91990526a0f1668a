import { Suspense, useCallback, useEffect, useState } from 'react';
import { AREA_ENTRIES } from './components/shell/areas';
import { NavBar } from './components/shell/NavBar';
import { StatusBar } from './components/shell/StatusBar';
import { ErrorBoundary } from './components/shell/ErrorBoundary';
import { KeysDialog } from './components/shell/KeysDialog';
import { AboutDialog } from './components/shell/AboutDialog';
import { useAppKeys } from './components/shell/useAppKeys';
import { formatHash } from './state/hashRoute';
import { useHashRoute } from './state/useHashRoute';
import { t } from './i18n';
import { registerServiceWorker } from './sw/registerServiceWorker';

export function App() {
  const { area, params } = useHashRoute();
  const { Component, title } = AREA_ENTRIES[area];
  // Presentation mode (`present=1` in any link): the same components with larger tokens (tokens.css).
  const present = params.get('present') === '1';
  // A lesson in presentation mode takes the whole screen: no nav or status bar.
  const fullScreenLesson = present && area === 'learn' && params.has('lesson');
  const [dialog, setDialog] = useState<'keys' | 'about' | null>(null);
  const setPresent = useCallback(
    (on: boolean) => {
      const next = new URLSearchParams(params);
      if (on) next.set('present', '1');
      else next.delete('present');
      window.history.replaceState(null, '', formatHash(area, next));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    },
    [area, params],
  );
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
  }, [present, area, setPresent]);
  // Registered here, once the app shell renders, so that a reload without network still starts.
  useEffect(registerServiceWorker, []);
  const classes = ['app', `area-${area}`, present && 'present', fullScreenLesson && 'presenting'];
  return (
    <div className={classes.filter(Boolean).join(' ')}>
      <NavBar current={area} present={present} onPresent={setPresent} />
      <main className="app-main" id="main">
        <ErrorBoundary key={area} where={title}>
          <Suspense fallback={<p className="loading">{t('shell.loadingArea', { area: title })}</p>}>
            <Component />
          </Suspense>
        </ErrorBoundary>
      </main>
      <StatusBar onAbout={() => setDialog('about')} onKeys={() => setDialog('keys')} />
      <KeysDialog open={dialog === 'keys'} onClose={() => setDialog(null)} />
      <AboutDialog open={dialog === 'about'} onClose={() => setDialog(null)} />
    </div>
  );
}
