import { Suspense, useEffect } from 'react';
import { AREA_ENTRIES } from './components/shell/areas';
import { NavBar } from './components/shell/NavBar';
import { StatusBar } from './components/shell/StatusBar';
import { ErrorBoundary } from './components/shell/ErrorBoundary';
import { useHashRoute } from './state/useHashRoute';
import { t } from './i18n';
import { registerServiceWorker } from './sw/registerServiceWorker';

export function App() {
  const { area, params } = useHashRoute();
  const { Component, title } = AREA_ENTRIES[area];
  // Presentation mode (Learn, `present=1`) gives the lesson the whole screen: no nav or status bar.
  const presenting = area === 'learn' && params.get('present') === '1';
  // Registered here, once the app shell renders, so that a reload without network still starts.
  useEffect(registerServiceWorker, []);
  return (
    <div className={presenting ? 'app presenting' : 'app'}>
      <NavBar current={area} />
      <main className="app-main" id="main">
        <ErrorBoundary key={area} where={title}>
          <Suspense fallback={<p className="loading">{t('shell.loadingArea', { area: title })}</p>}>
            <Component />
          </Suspense>
        </ErrorBoundary>
      </main>
      <StatusBar />
    </div>
  );
}
