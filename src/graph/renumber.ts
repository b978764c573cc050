/**
 * Locality renumbering: give nodes new dense ids in breadth-first order over the undirected graph,
 * starting from the highest-degree node (then from every node not reached yet, in descending degree), so
 * the neighbours of a node get consecutive ids and a walk touches nearby memory in the visited set and
 * the offset arrays (like Cuthill–McKee).
 *
 * Returns `newOf` (old id → new id) and `oldOf` (new id → old id).
 *
 * @example
 * const { newOf, oldOf } = localityOrder(nodeCount, edgeCount, src, dst);
 */
export function localityOrder(nodeCount: number, edgeCount: number, src: Uint32Array, dst: Uint32Array): { newOf: Uint32Array; oldOf: Uint32Array } {
  // Undirected CSR of neighbours (each edge listed under both endpoints).
  const offsets = new Uint32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    offsets[src[e]! + 1]!++;
    offsets[dst[e]! + 1]!++;
  }
  for (let v = 0; v < nodeCount; v++) offsets[v + 1]! += offsets[v]!;
  const nbr = new Uint32Array(2 * edgeCount);
  const fill = offsets.slice(0, nodeCount);
  for (let e = 0; e < edgeCount; e++) {
    const s = src[e]!;
    const d = dst[e]!;
    nbr[fill[s]!++] = d;
    nbr[fill[d]!++] = s;
  }
  // Start points: nodes by descending degree (counting sort on degree).
  let maxDegree = 0;
  for (let v = 0; v < nodeCount; v++) maxDegree = Math.max(maxDegree, offsets[v + 1]! - offsets[v]!);
  const byDegree = new Uint32Array(nodeCount);
  const bucket = new Uint32Array(maxDegree + 2);
  for (let v = 0; v < nodeCount; v++) bucket[maxDegree - (offsets[v + 1]! - offsets[v]!) + 1]!++;
  for (let d = 0; d <= maxDegree; d++) bucket[d + 1]! += bucket[d]!;
  for (let v = 0; v < nodeCount; v++) byDegree[bucket[maxDegree - (offsets[v + 1]! - offsets[v]!)]!++] = v;

  const UNSET = 0xffffffff;
  const newOf = new Uint32Array(nodeCount).fill(UNSET);
  const oldOf = new Uint32Array(nodeCount);
  let assigned = 0;
  for (let i = 0; i < nodeCount; i++) {
    const start = byDegree[i]!;
    if (newOf[start] !== UNSET) continue;
    newOf[start] = assigned;
    oldOf[assigned++] = start;
    // oldOf doubles as the BFS queue: nodes are numbered in the order they are discovered.
    for (let q = assigned - 1; q < assigned; q++) {
      const u = oldOf[q]!;
      for (let k = offsets[u]!, end = offsets[u + 1]!; k < end; k++) {
        const v = nbr[k]!;
        if (newOf[v] === UNSET) {
          newOf[v] = assigned;
          oldOf[assigned++] = v;
        }
      }
    }
  }
  return { newOf, oldOf };
}

/**
 * Maps per-edge endpoint columns to new node ids in place.
 *
 * @example
 * remapEndpoints(src, dst, edgeCount, newOf);
 */
export function remapEndpoints(src: Uint32Array, dst: Uint32Array, edgeCount: number, newOf: Uint32Array): void {
  for (let e = 0; e < edgeCount; e++) {
    src[e] = newOf[src[e]!]!;
    dst[e] = newOf[dst[e]!]!;
  }
}
