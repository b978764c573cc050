/**
 * The generated demo incident `npm start` loads into an empty store (a Bybit-like laundering scenario,
 * not a real incident). The dashboard's "where the funds went" figures are its trace; pages offer it
 * beside the registry's real incidents.
 */
export const DEMO_INCIDENT = { id: 'demo-bybit-like-2025', name: 'Bybit-like laundering (generated demo scenario)' } as const;

/**
 * The incidents to offer: the given ones, then the demo incident when it is not among them.
 *
 * @example
 * withDemoIncident(dashboard.incidents).map((i) => i.id); // ['bybit-2025', …, 'demo-bybit-like-2025']
 */
export function withDemoIncident<T extends { id: string; name: string }>(incidents: readonly T[] | undefined): { id: string; name: string; date?: string }[] {
  const list: { id: string; name: string; date?: string }[] = [...(incidents ?? [])];
  if (!list.some((i) => i.id === DEMO_INCIDENT.id)) list.push({ ...DEMO_INCIDENT });
  return list;
}
