import { SOURCES } from '../sources.js';
import { clear, defineRule, fired, noData } from './define.js';
import { listText, pct } from './helpers.js';

export const ringMember = defineRule({
  id: 'rings.member',
  title: 'Linked to other records by strongly shared identifiers (a ring)',
  fields: ['emails', 'phones', 'payment_accounts', 'address', 'shipping_address', 'devices', 'logins.ip', 'documents', 'photo_hash', 'resume_text'],
  parameters: { maxShown: 3 },
  severity: 'medium',
  source: SOURCES.PSA24,
  seeAlso: [SOURCES.G22p, SOURCES.SEAL],
  evaluate(r, ctx, p) {
    const me = ctx.indexOf(r);
    const ring = ctx.graph.ringOf(me);
    if (!ring) {
      const weak = ctx.graph.linksOf(me)[0];
      return clear(weak ? `The strongest link (to ${ctx.graph.ids[weak.a === me ? weak.b : weak.a]}, ${ctx.graph.describeLink(weak)}) has strength ${pct(weak.strength)}, below the ring threshold ${pct(ctx.graph.threshold)}.` : 'No identifier is shared with another record.');
    }
    const mine = ring.links.filter((l) => l.a === me || l.b === me);
    const shown = mine.slice(0, p.maxShown).map((l) => `${ctx.graph.ids[l.a === me ? l.b : l.a]} (${ctx.graph.describeLink(l)}; strength ${pct(l.strength)})`);
    const others = ring.members.filter((m) => m !== me).map((m) => ctx.graph.ids[m]!);
    return fired(`Member of ${ring.id} with ${ring.members.length} records: linked to ${listText(shown, p.maxShown)}.`, { related: others });
  },
});

export const flaggedRingMember = defineRule({
  id: 'rings.flagged-member',
  title: 'A ring peer is flagged',
  fields: ['(ring peers)'],
  parameters: { minPeerScore: 50, share: 0.5 },
  severity: 'high',
  weight: 0.5,
  phase: 'ring',
  source: SOURCES.PSA24,
  seeAlso: [SOURCES.G22p],
  evaluate(r, ctx, p) {
    const me = ctx.indexOf(r);
    const ring = ctx.graph.ringOf(me);
    if (!ring) return noData('not in a ring');
    if (!ctx.firstPass) return noData('peer scores not computed yet');
    const peers = ring.members.filter((m) => m !== me).map((m) => ctx.firstPass![m]!);
    const flagged = peers.filter((x) => x.score >= p.minPeerScore || x.blocking).sort((a, b) => b.score - a.score);
    if (!flagged.length) return clear(`No peer in ${ring.id} scores ${p.minPeerScore} or more on its own (highest ${Math.max(...peers.map((x) => x.score))}).`);
    const top = flagged[0]!;
    const link = ctx.graph.linksOf(me).find((l) => l.a === top.index || l.b === top.index);
    const via = link ? `, sharing ${ctx.graph.describeLink(link)}` : ` (through ${ring.id})`;
    return fired(
      `Ring peer ${top.id} scores ${top.score} on its own (${listText(top.topRules, 2)})${via}${flagged.length > 1 ? `; ${flagged.length - 1} more peer(s) are flagged` : ''}.`,
      { weight: Math.min(0.5, (p.share * (top.blocking ? 100 : top.score)) / 100), related: flagged.map((x) => x.id) },
    );
  },
});
