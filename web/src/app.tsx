import { lazy, Suspense, useEffect, useRef, type ComponentType } from 'react';
import { NavBar } from './components/NavBar.js';
import { Loading } from './components/status.js';
import { TopBar } from './components/TopBar.js';
import { useRoute } from './hooks/use-route.js';
import type { PageName, Route } from './lib/route.js';

type Page = ComponentType<{ route: Route }>;

// One chunk per page: the graph and chart libraries load only with the pages that draw them.
const PAGES: Record<PageName, Page> = {
  dashboard: lazy(() => import('./pages/dashboard/DashboardPage.js')),
  screening: lazy(() => import('./pages/screening/ScreeningPage.js')),
  entity: lazy(() => import('./pages/entity/EntityPage.js')),
  trace: lazy(() => import('./pages/trace/TracePage.js')),
  address: lazy(() => import('./pages/trace/AddressPage.js')),
  vetting: lazy(() => import('./pages/vetting/VettingPage.js')),
  cases: lazy(() => import('./pages/cases/CasesPage.js')),
  reports: lazy(() => import('./pages/reports/ReportsPage.js')),
  audit: lazy(() => import('./pages/audit/AuditPage.js')),
};

const TITLES: Record<PageName, string> = {
  dashboard: 'Dashboard',
  screening: 'Screening',
  entity: 'Listed entity',
  trace: 'Trace explorer',
  address: 'Address',
  vetting: 'Vetting',
  cases: 'Cases',
  reports: 'Reports',
  audit: 'Audit trail',
};

/**
 * The app: left navigation, top bar (server, API key, notes), and the page of the current hash route.
 *
 * @example
 * createRoot(el).render(<App />);
 */
export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const Page = route.page === 'not-found' ? undefined : PAGES[route.page];

  useEffect(() => {
    document.title = `${route.page === 'not-found' ? 'Not found' : TITLES[route.page]} · Counterflow`;
    // After a navigation, move focus to the content so keyboard users start there (not on first load).
    if (!first.current) main.current?.focus();
    first.current = false;
  }, [route.page, route.params.join('/')]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        Skip to content
      </a>
      <NavBar current={route.page} />
      <div className="main-col">
        <TopBar />
        <main id="main" ref={main} tabIndex={-1}>
          {Page ? (
            <Suspense fallback={<Loading what="Loading the page" />}>
              <Page route={route} />
            </Suspense>
          ) : (
            <>
              <h1>Page not found</h1>
              <p>
                There is no page at <code>{window.location.hash}</code>. <a href="#/dashboard">Go to the dashboard</a>.
              </p>
            </>
          )}
        </main>
      </div>
    </div>
  );
}
