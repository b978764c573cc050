import { describeFlags } from '../../chain/transfer-flags.js';
import { EDGE_FLAGS, NOISE_FLAGS } from '../../graph/transfer-graph.js';
import type { PatternContext, PatternFinding } from './pattern.js';

/**
 * Fake-token and address-poisoning noise around the traced addresses: zero-value transfers, tokens not
 * on the allowlist, look-alike counterparties and failed calls. Counted and shown, never tainted.
 *
 * @example
 * detectNoise({ graph, taint })[0]?.evidence.transfers
 */
export function detectNoise(ctx: PatternContext): PatternFinding[] {
  const g = ctx.graph;
  const seen = new Set<number>();
  const byFlag: Record<string, number> = {};
  const lookalikes = new Set<string>();
  const fakeTokens = new Set<string>();
  for (const n of ctx.taint.hops.keys()) {
    for (const [offs, edges] of [[g.outOffsets, g.outEdges], [g.inOffsets, g.inEdges]] as const) {
      for (let k = offs[n]!; k < offs[n + 1]!; k++) {
        const e = edges[k]!;
        const f = g.flags[e]!;
        if ((f & NOISE_FLAGS) === 0 || seen.has(e)) continue;
        seen.add(e);
        for (const name of describeFlags(f & 0x7f)) byFlag[name] = (byFlag[name] ?? 0) + 1;
        if (f & EDGE_FLAGS.failed) byFlag.failed = (byFlag.failed ?? 0) + 1;
        if (f & EDGE_FLAGS.lookalike) lookalikes.add(g.address(g.src[e] === n ? g.dst[e]! : g.src[e]!));
        if (f & EDGE_FLAGS.unverifiedToken) fakeTokens.add(g.names.assets[g.asset[e]!]!);
      }
    }
  }
  if (seen.size === 0) return [];
  const tainted = [...seen].filter((e) => ctx.taint.edgeTaint.has(e)).length;
  return [
    {
      name: 'noise_ignored',
      addresses: [...lookalikes],
      summary: `${seen.size} fake-token, zero-value or look-alike transfers around the traced addresses, ignored in taint`,
      evidence: { transfers: seen.size, byFlag, lookalikeAddresses: [...lookalikes], unverifiedTokens: [...fakeTokens], tainted },
    },
  ];
}
