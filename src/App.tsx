import { Suspense } from 'react';
import { AREA_ENTRIES } from './components/shell/areas';
import { NavBar } from './components/shell/NavBar';
import { StatusBar } from './components/shell/StatusBar';
import { ErrorBoundary } from './components/shell/ErrorBoundary';
import { useHashRoute } from './state/useHashRoute';

export function App() {
  const { area } = useHashRoute();
  const { Component, title } = AREA_ENTRIES[area];
  return (
    <div className="app">
      <NavBar current={area} />
      <main className="app-main" id="main">
        <ErrorBoundary key={area} where={title}>
          <Suspense fallback={<p className="loading">Loading {title}…</p>}>
            <Component />
          </Suspense>
        </ErrorBoundary>
      </main>
      <StatusBar />
    </div>
  );
}
