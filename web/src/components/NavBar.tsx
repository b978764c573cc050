import type { PageName } from '../lib/route.js';

const ITEMS: { page: PageName; text: string; also?: PageName[] }[] = [
  { page: 'dashboard', text: 'Dashboard' },
  { page: 'screening', text: 'Screening', also: ['entity'] },
  { page: 'trace', text: 'Trace', also: ['address'] },
  { page: 'vetting', text: 'Vetting' },
  { page: 'cases', text: 'Cases' },
  { page: 'reports', text: 'Reports' },
  { page: 'audit', text: 'Audit' },
];

/**
 * The left navigation; the current page is marked with aria-current.
 *
 * @example
 * <NavBar current="trace" />
 */
export function NavBar({ current }: { current: PageName | 'not-found' }) {
  return (
    <nav className="nav" aria-label="Main">
      <div className="brand">
        Counterflow
        <small>DPRK sanctions evasion</small>
      </div>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.page}>
            <a href={`#/${item.page}`} aria-current={item.page === current || item.also?.includes(current as PageName) ? 'page' : undefined}>
              {item.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
