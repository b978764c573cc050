import type cytoscapeType from 'cytoscape';

let loaded: Promise<typeof cytoscapeType> | undefined;

/**
 * cytoscape, imported on first use (its own chunk).
 *
 * @example
 * const cytoscape = await loadCytoscape();
 */
export function loadCytoscape(): Promise<typeof cytoscapeType> {
  loaded ??= import('cytoscape').then((m) => m.default);
  return loaded;
}
