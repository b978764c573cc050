import type { TransferGraph } from './transfer-graph.js';

/**
 * Reusable per-graph scratch: a generation-stamped visited set (no clearing between walks), two
 * frontier queues, and three bitmaps for the dense phase.
 */
interface BfsScratch {
  seen: Int32Array;
  generation: number;
  frontier: Uint32Array;
  next: Uint32Array;
  seenBits: Uint32Array;
  frontierBits: Uint32Array;
  nextBits: Uint32Array;
}

const SCRATCH = new WeakMap<object, BfsScratch>();

function scratchFor(key: object, nodeCount: number): BfsScratch {
  let s = SCRATCH.get(key);
  if (!s || s.seen.length < nodeCount) {
    const words = (nodeCount >>> 5) + 1;
    s = {
      seen: new Int32Array(nodeCount),
      generation: 0,
      frontier: new Uint32Array(nodeCount),
      next: new Uint32Array(nodeCount),
      seenBits: new Uint32Array(words),
      frontierBits: new Uint32Array(words),
      nextBits: new Uint32Array(words),
    };
    SCRATCH.set(key, s);
  }
  if (++s.generation === 0x7fffffff) {
    s.seen.fill(0);
    s.generation = 1;
  }
  return s;
}

/** Result of a hop-limited walk: nodes reached (seeds included) and adjacency entries scanned. */
export interface BfsResult {
  reached: number;
  /** Every out-adjacency entry of every expanded node counts once, whether or not its neighbour is new. */
  edgeVisits: number;
}

/** A frontier larger than nodeCount / DENSE_DIVISOR switches the walk to bitmaps. */
const DENSE_DIVISOR = 64;

/**
 * Hop-limited breadth-first walk over the out-adjacency (CSR), the raw traversal under every trace.
 *
 * Small frontiers use queues and a visited set stamped with a generation number (no clearing, no
 * allocation per walk). Once a frontier exceeds 1/64 of the nodes, the walk switches to bitmaps: the
 * frontier is expanded in ascending node order, so offsets and neighbour lists are read front to back
 * like a full scan, and the visited test hits a bitset of nodeCount/8 bytes that stays in cache. Both
 * phases expand exactly the same nodes, level by level.
 *
 * @example
 * const { reached, edgeVisits } = hopLimitedBfs(graph, [graph.node('0x4766…')!], 10);
 */
export function hopLimitedBfs(
  g: Pick<TransferGraph, 'outOffsets' | 'outNbr' | 'nodeCount'>,
  seeds: readonly number[],
  hops: number,
  o: { /** Frontier size that switches to bitmaps (default max(1024, nodeCount / 64)). */ denseAt?: number } = {},
): BfsResult {
  const s = scratchFor(g, g.nodeCount);
  const { seen, generation } = s;
  const offsets = g.outOffsets;
  const nbr = g.outNbr;
  const denseAt = o.denseAt ?? Math.max(1024, Math.floor(g.nodeCount / DENSE_DIVISOR));
  let frontier = s.frontier;
  let next = s.next;
  let size = 0;
  for (const n of seeds) {
    if (seen[n] === generation) continue;
    seen[n] = generation;
    frontier[size++] = n;
  }
  let reached = size;
  let visits = 0;
  let h = 0;
  for (; h < hops && size > 0 && size < denseAt; h++) {
    let nextSize = 0;
    for (let i = 0; i < size; i++) {
      const u = frontier[i]!;
      const end = offsets[u + 1]!;
      let k = offsets[u]!;
      visits += end - k;
      for (; k < end; k++) {
        const v = nbr[k]!;
        if (seen[v] !== generation) {
          seen[v] = generation;
          next[nextSize++] = v;
        }
      }
    }
    reached += nextSize;
    const t = frontier;
    frontier = next;
    next = t;
    size = nextSize;
  }
  if (h >= hops || size === 0) return { reached, edgeVisits: visits };

  // Dense phase: visited and frontier as bitsets.
  const seenBits = s.seenBits;
  let cur = s.frontierBits;
  let nxt = s.nextBits;
  seenBits.fill(0);
  cur.fill(0);
  nxt.fill(0);
  for (let n = 0; n < g.nodeCount; n++) if (seen[n] === generation) seenBits[n >>> 5]! |= 1 << (n & 31);
  for (let i = 0; i < size; i++) cur[frontier[i]! >>> 5]! |= 1 << (frontier[i]! & 31);
  const words = (g.nodeCount >>> 5) + 1;
  for (; h < hops && size > 0; h++) {
    let nextSize = 0;
    for (let w = 0; w < words; w++) {
      let bits = cur[w]!;
      if (bits === 0) continue;
      cur[w] = 0;
      while (bits !== 0) {
        const low = bits & -bits;
        const u = (w << 5) | (31 - Math.clz32(low));
        bits ^= low;
        const end = offsets[u + 1]!;
        let k = offsets[u]!;
        visits += end - k;
        for (; k < end; k++) {
          const v = nbr[k]!;
          const word = v >>> 5;
          const bit = 1 << (v & 31);
          const sw = seenBits[word]!;
          if ((sw & bit) === 0) {
            seenBits[word] = sw | bit;
            nxt[word]! |= bit;
            nextSize++;
          }
        }
      }
    }
    reached += nextSize;
    const t = cur;
    cur = nxt;
    nxt = t;
    size = nextSize;
  }
  return { reached, edgeVisits: visits };
}
