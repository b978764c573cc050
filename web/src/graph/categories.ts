/** Colours of label categories in graphs and legends; every node also carries its category in words. */
export const CATEGORY_COLOURS: ReadonlyMap<string, string> = new Map([
  ['exchange', '#2563eb'],
  ['bridge', '#7c3aed'],
  ['mixer', '#dc2626'],
  ['dex', '#0891b2'],
  ['instant_exchanger', '#ea580c'],
  ['otc', '#b45309'],
  ['sanctioned', '#7f1d1d'],
  ['stolen_funds', '#be123c'],
  ['scam', '#c2410c'],
  ['gambling', '#65a30d'],
  ['other', '#6b7280'],
  ['none', '#94a3b8'],
]);

/** Shapes by role, so that colour is not the only signal. */
export const ROLE_SHAPES: ReadonlyMap<string, { shape: string; text: string }> = new Map([
  ['seed', { shape: 'diamond', text: 'diamond: seed (where the trace starts)' }],
  ['exit', { shape: 'round-rectangle', text: 'rounded box: exit at a service' }],
  ['flagged', { shape: 'triangle', text: 'triangle: labelled stolen / sanctioned' }],
  ['intermediate', { shape: 'ellipse', text: 'circle: unlabelled wallet' }],
]);

/**
 * The colour of a category (grey for an unknown one).
 *
 * @example
 * categoryColour('bridge'); // '#7c3aed'
 */
export function categoryColour(category: string): string {
  return CATEGORY_COLOURS.get(category) ?? '#6b7280';
}
