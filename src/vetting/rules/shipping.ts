import { homeAddressKeys, normalisePostalAddress } from '../links/identifiers.js';
import { SOURCES } from '../sources.js';
import { clear, defineRule, fired, noData } from './define.js';
import { listText, quote } from './helpers.js';

export const shippingDiffersFromIdentity = defineRule({
  id: 'shipping.differs-from-identity',
  title: 'Equipment shipped to an address that is not on the identity documents',
  fields: ['shipping_address', 'address', 'documents.address'],
  parameters: {},
  severity: 'medium',
  source: SOURCES.G22c,
  seeAlso: [SOURCES.G22m, SOURCES.PSA24],
  evaluate(r) {
    const current = r.shippingAddresses[r.shippingAddresses.length - 1];
    const home = homeAddressKeys(r);
    if (!current) return noData('no shipping address');
    if (!home.size) return noData('no identity address to compare with');
    const key = normalisePostalAddress(current.address);
    if (!key) return noData(`the shipping address ${quote(current.address)} is not a street address`);
    if (home.has(key)) return clear('The shipping address is the identity address.');
    return fired(`Equipment goes to ${quote(current.address)}, which is not the identity address ${quote(r.address ?? r.documents.find((d) => d.address)?.address ?? '')}.`);
  },
});

export const shippingAddressChanges = defineRule({
  id: 'shipping.address-changes',
  title: 'Shipping address keeps changing',
  fields: ['shipping_address'],
  parameters: { minAddresses: 3 },
  severity: 'medium',
  source: SOURCES.PSA24,
  evaluate(r, _ctx, p) {
    if (!r.shippingAddresses.length) return noData('no shipping address');
    const distinct = [...new Set(r.shippingAddresses.map((a) => normalisePostalAddress(a.address) ?? a.address.toLowerCase()))];
    if (distinct.length >= p.minAddresses) return fired(`${distinct.length} different shipping addresses were given (${listText(r.shippingAddresses.map((a) => quote(a.address, 40)), 4)}).`);
    return clear(`${distinct.length} shipping address(es) given.`);
  },
});

export const laptopFarm = defineRule({
  id: 'shipping.laptop-farm',
  title: 'Shipping address shared with other workers (laptop farm)',
  fields: ['shipping_address', 'address'],
  parameters: { minRecords: 3 },
  severity: 'high',
  source: SOURCES.PSA24,
  seeAlso: [SOURCES.G22c],
  evaluate(r, ctx, p) {
    if (!r.shippingAddresses.length) return noData('no shipping address');
    const me = ctx.indexOf(r);
    const myShipping = new Set(r.shippingAddresses.map((a) => normalisePostalAddress(a.address)).filter((k): k is string => !!k));
    for (const g of ctx.graph.groupsOf(me)) {
      if (g.kind !== 'address') continue;
      const value = ctx.graph.valueOf(g);
      if (!myShipping.has(value)) continue;
      const shippers = g.members.filter((m) => ctx.records[m]!.shippingAddresses.some((a) => normalisePostalAddress(a.address) === value));
      if (shippers.length < 2) continue;
      const residency = shippers.map((m) => {
        const home = homeAddressKeys(ctx.records[m]!);
        return home.size === 0 ? 'unknown' : home.has(value) ? 'lives' : 'elsewhere';
      });
      const elsewhere = residency.filter((x) => x === 'elsewhere').length;
      const residents = residency.filter((x) => x === 'lives').length;
      const others = shippers.filter((m) => m !== me).map((m) => ctx.graph.ids[m]!);
      if (elsewhere > 0 || (shippers.length >= p.minRecords && residents === 0)) {
        return fired(
          `${shippers.length} workers have equipment shipped to ${quote(value)} (${listText(others)} besides this one); ${elsewhere ? `${elsewhere} of them live elsewhere` : 'none of them is known to live there'}.`,
          { related: others },
        );
      }
      return clear(`The shipping address is shared with ${listText(others)}, who live${others.length === 1 ? 's' : ''} there too (a household).`);
    }
    return clear('No other worker ships to this address.');
  },
});
