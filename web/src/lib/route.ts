/** The pages of the app, as the first segment of the hash (`#/trace?incident=…`). */
export const PAGES = ['dashboard', 'screening', 'entity', 'trace', 'address', 'vetting', 'cases', 'reports', 'audit'] as const;
export type PageName = (typeof PAGES)[number];

export interface Route {
  page: PageName | 'not-found';
  /** Path segments after the page, decoded (`#/cases/7` → ['7']). */
  params: string[];
  query: URLSearchParams;
}

/**
 * Reads a location hash. An empty hash is the dashboard; an unknown page is `not-found`.
 *
 * @example
 * parseRoute('#/cases/7?tab=items'); // { page: 'cases', params: ['7'], query: URLSearchParams { tab: 'items' } }
 */
export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const q = text.indexOf('?');
  const path = q === -1 ? text : text.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : text.slice(q + 1));
  const segments = path.split('/').filter(Boolean).map(safeDecode);
  const first = segments[0] ?? 'dashboard';
  const page = (PAGES as readonly string[]).includes(first) ? (first as PageName) : 'not-found';
  return { page, params: segments.slice(1), query };
}

/**
 * The hash for a page: `href(['cases', id])`, `href(['trace'], { incident })`.
 *
 * @example
 * href(['address', '0xabc'], { chain: 'ethereum' }); // '#/address/0xabc?chain=ethereum'
 */
export function href(segments: readonly string[], query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, v);
  const qs = params.toString();
  return `#/${segments.map((s) => encodeURIComponent(s)).join('/')}${qs ? `?${qs}` : ''}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
