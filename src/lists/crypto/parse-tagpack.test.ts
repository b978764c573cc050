import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import type { FtmEntity } from '../../ftm/entity.js';
import { fileSource, memorySource } from '../source.js';
import { parseTagpack, sniffTagpack, tagpackListName } from './parse-tagpack.js';

const SHARED = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const PACKS = `${SHARED}crypto/tagpacks/`;

const LAZARUS_SNIPPET = `title: OFAC Tagpack
creator: GraphSense Core Team
confidence: authority_data
is_cluster_definer: false
category: user
lastmod: 2022-04-15
source: https://www.treasury.gov/resource-center/sanctions/OFAC-Enforcement/Pages/20200302.aspx
label: Lazarus group
abuse: sanction
actor: lazarusgroup
tags:
- address: 134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak
  currency: BTC
- address: '0x098B716B8Aaf21512996dC57EB0615e2383E2f96'
  currency: ETH
  label: Ronin exploiter
  concepts: [exploit, defi_bridge]
  tag_type: event
`;

const OBJECT_MEMBERS = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf'];
/** Fields a TagPack maps (or reads from the header only), which therefore do not reappear verbatim as notes. */
const KNOWN_FIELDS = new Set(['address', 'label', 'currency', 'network', 'confidence', 'concepts', 'tx_hash', 'title', 'creator', 'description', 'owner', 'is_public', 'tags', 'category', 'abuse', 'actor', 'is_cluster_definer', 'tag_type', 'lastmod', 'source', 'context']);

const parse = (content: string, name = 'lazarus.yaml') => parseTagpack([memorySource(name, content)], {});

async function refusal(content: string): Promise<InputError> {
  try {
    await parse(content, 'bad.yaml');
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('tagpackListName and sniffTagpack', () => {
  it('names the list after the pack', () => {
    expect(tagpackListName('packs/lazarus.yaml')).toBe('tagpack_lazarus');
    expect(tagpackListName('exchange-wallets-okx.yml')).toBe('tagpack_exchange_wallets_okx');
  });

  it('recognises TagPacks but not other YAML', () => {
    expect(sniffTagpack(LAZARUS_SNIPPET, 'lazarus.yaml')).toBe(true);
    expect(sniffTagpack('title: x\ncreator: y\ndescription: z\n', 'lazarus.yaml')).toBe(false);
    expect(sniffTagpack(LAZARUS_SNIPPET, 'lazarus.txt')).toBe(false);
    expect(sniffTagpack('services:\n  web:\n    image: x\n', 'compose.yaml')).toBe(false);
  });
});

describe('parseTagpack on snippets', () => {
  it('makes one wallet per tag with inherited header fields', async () => {
    const list = await parse(LAZARUS_SNIPPET);
    expect(list).toMatchObject({ list: 'tagpack_lazarus', format: 'tagpack-yaml', publishedAt: '2022-04-15', warnings: [] });
    expect(list.entities).toHaveLength(2);
    const [btc, eth] = list.entities as [FtmEntity, FtmEntity];
    expect(btc).toMatchObject({
      id: `tagpack_lazarus-btc-${'134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak'.toLowerCase()}`,
      schema: 'CryptoWallet',
      target: true,
      properties: {
        publicKey: ['134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak'],
        currencySymbol: ['BTC'],
        name: ['Lazarus group'],
        keywords: ['user', 'sanction'],
        topics: ['sanction'],
        modifiedAt: ['2022-04-15'],
        sourceUrl: ['https://www.treasury.gov/resource-center/sanctions/OFAC-Enforcement/Pages/20200302.aspx'],
      },
      provenance: { list: 'tagpack_lazarus', entryId: 'BTC:134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak', programs: [], file: 'lazarus.yaml', line: 12 },
    });
    expect(btc.properties.notes).toEqual(
      expect.arrayContaining(['category: user', 'abuse: sanction', 'confidence: authority_data', 'confidence_level: 60', 'actor: lazarusgroup', 'is_cluster_definer: false', 'network: BTC', 'tagpack: OFAC Tagpack']),
    );
    expect(eth.properties).toMatchObject({ publicKey: ['0x098b716b8aaf21512996dc57eb0615e2383e2f96'], name: ['Ronin exploiter'], keywords: ['user', 'sanction', 'exploit', 'defi_bridge'] });
    expect(eth.properties.notes).toContain('tag_type: event');
    expect(eth.provenance?.line).toBe(14);
  });

  it('takes the network over the currency for validation, and keeps the address text without YAML type coercion', async () => {
    const list = await parse('tags:\n- address: 0x098B716B8Aaf21512996dC57EB0615e2383E2f96\n  currency: usdt\n  network: eth\n  label: x\n  confidence: 5\n');
    expect(list.entities[0]?.properties).toMatchObject({ publicKey: ['0x098b716b8aaf21512996dc57eb0615e2383e2f96'], currencySymbol: ['USDT'] });
    expect(list.entities[0]?.target).toBe(false);
    expect(list.warnings).toEqual(['lazarus.yaml:2: unknown confidence "5"']);
  });

  it('gives repeated tags of one address distinct ids', async () => {
    const list = await parse('currency: ETH\ntags:\n- address: "0xd6216fc19db775df9774a6e33526131da7d19a2c"\n  label: a\n- address: "0xd6216fc19db775df9774a6e33526131da7d19a2c"\n  label: b\n');
    expect(list.entities.map((e) => e.id)).toEqual(['tagpack_lazarus-eth-0xd6216fc19db775df9774a6e33526131da7d19a2c', 'tagpack_lazarus-eth-0xd6216fc19db775df9774a6e33526131da7d19a2c-2']);
  });

  it('keeps unknown fields in notes and warns about invalid addresses, tx-only tags and missing confidence', async () => {
    const list = await parse('currency: BTC\nlabel: x\ntags:\n- address: 1notAnAddress\n  colour: red\n- tx_hash: ab12\n');
    expect(list.entities).toHaveLength(1);
    expect(list.entities[0]?.properties.notes).toEqual(expect.arrayContaining(['colour: red', expect.stringMatching(/^address problem: /)]));
    expect(list.warnings).toEqual([
      expect.stringMatching(/^lazarus\.yaml:4: BTC address "1notAnAddress" kept as written: /),
      'lazarus.yaml:6: tag for transaction ab12 has no address; not a wallet, not loaded',
      'lazarus.yaml: 2 of 2 tags set no confidence',
    ]);
  });

  it('treats field names and confidences spelled like Object members as plain unknown text', async () => {
    for (const name of OBJECT_MEMBERS) {
      const list = await parse(`currency: BTC\nlabel: x\n${name}: [from, header]\ntags:\n- address: 134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak\n  confidence: ${name}\n`);
      const notes = list.entities[0]?.properties.notes ?? [];
      expect(notes).toContain(`${name}: from, header`);
      expect(notes).toContain(`confidence: ${name}`);
      expect(notes.filter((n) => n.startsWith('confidence_level'))).toEqual([]);
      expect(list.warnings).toContain(`lazarus.yaml:5: unknown confidence "${name}"`);
    }
  });

  it('property: every unknown field of a tag, whatever its name, is kept in the notes', async () => {
    const fieldName = fc.oneof(fc.constantFrom(...OBJECT_MEMBERS), fc.stringMatching(/^[a-z][a-z_]{0,11}$/)).filter((k) => !KNOWN_FIELDS.has(k));
    await fc.assert(
      fc.asyncProperty(fieldName, fc.stringMatching(/^[a-z]{1,8}$/), async (name, value) => {
        const list = await parse(`tags:\n- address: 134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak\n  currency: BTC\n  label: x\n  ${name}: ${value}\n`);
        expect(list.entities[0]?.properties.notes).toContain(`${name}: ${value}`);
      }),
      { numRuns: 100 },
    );
  });

  it.each([
    ['an alias bomb', ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'tags:', '- {address: x, label: y, currency: BTC, z: *c}'].join('\n'), 2, /alias/],
    ['a JavaScript tag', 'tags:\n- address: !!js/function "function(){}"\n  label: x\n  currency: BTC\n', 2, /Unresolved tag/],
    ['a custom tag', 'tags:\n- address: !evil x\n  label: x\n  currency: BTC\n', 2, /Unresolved tag: !evil/],
    ['duplicate keys', 'title: a\ntitle: b\ntags: []\n', 2, /Map keys must be unique/],
    ['two documents', 'tags: []\n---\ntags: []\n', 2, /multiple documents/],
    ['an unclosed quote', 'tags:\n- address: "1abc\n', 3, /Missing closing/],
    ['a list at the top', '- a\n- b\n', 1, /must be a YAML mapping/],
    ['no tags list', 'title: x\n', 1, /needs a tags: list/],
    ['a tag that is not a mapping', 'tags:\n- hello\n', 2, /tag 1 must be a mapping/],
    ['a tag without label', 'tags:\n- address: 1abc\n  currency: BTC\n', 2, /no label/],
    ['a tag without currency', 'tags:\n- address: 1abc\n  label: x\n', 2, /no currency/],
    ['a tag without address', 'tags:\n- label: x\n  currency: BTC\n', 2, /no address/],
    ['a nested mapping value', 'tags:\n- address: 1abc\n  currency: BTC\n  label: {a: b}\n', 2, /field "label" must be text/],
  ])('refuses %s with an InputError naming file and line', async (_what, content, line, message) => {
    const err = await refusal(content);
    expect(err.source).toBe('bad.yaml');
    expect(err.line).toBe(line);
    expect(err.message).toMatch(message);
  });

  it('property: every truncation of a valid pack gives a list or an InputError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: LAZARUS_SNIPPET.length }), async (cut) => {
        try {
          const list = await parse(LAZARUS_SNIPPET.slice(0, cut));
          expect(list.entities.length).toBeLessThanOrEqual(2);
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: arbitrary text gives a list or an InputError, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (content) => {
        try {
          await parse(`tags:\n${content}`);
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe.skipIf(!existsSync(PACKS))('parseTagpack on the real TagPacks (shared/data)', () => {
  // Tag counts from data.md's TagPack table.
  const EXPECTED_TAGS: Record<string, number> = {
    'lazarus.yaml': 21,
    'lazarus2.yaml': 6,
    'ofac.yaml': 572,
    'ronin_bridge.yaml': 6,
    'tornado_cash.yaml': 39,
    'blender_io.yaml': 45,
    'sinbad_io.yaml': 2,
    'hacks.yaml': 608,
    'binance_hack.yaml': 44,
    'exchange-wallets-binance.yaml': 86,
    'exchange-wallets-bybit.yaml': 8,
    'exchange-wallets-huobi.yaml': 58,
    'exchange-wallets-kucoin.yaml': 59,
    'exchange-wallets-okx.yaml': 36,
    'usdt_blacklist.yaml': 774,
    'mixing_fc2021.yaml': 66,
    'wasabi_collector.yaml': 2,
  };

  it('finds the 17 packs of the table', () => {
    expect(readdirSync(PACKS).filter((f) => f.endsWith('.yaml')).sort()).toEqual(Object.keys(EXPECTED_TAGS).sort());
  });

  it.each(Object.entries(EXPECTED_TAGS))('loads %s with %i wallets, one per tag, with unique ids', async (file, count) => {
    const list = await parseTagpack([fileSource(PACKS + file)], {});
    expect(list.entities).toHaveLength(count);
    expect(new Set(list.entities.map((e) => e.id)).size).toBe(count);
  });

  it('reads lazarus.yaml as 20 BTC + 1 ETH sanction targets of actor lazarusgroup', async () => {
    const list = await parseTagpack([fileSource(`${PACKS}lazarus.yaml`)], {});
    const symbols = list.entities.map((e) => e.properties.currencySymbol?.[0]);
    expect(symbols.filter((s) => s === 'BTC')).toHaveLength(20);
    expect(symbols.filter((s) => s === 'ETH')).toHaveLength(1);
    expect(list.entities.every((e) => e.target && e.properties.notes?.includes('actor: lazarusgroup'))).toBe(true);
    expect(list.warnings).toEqual([]);
  });

  it('reads ofac.yaml with its per-currency counts and reports its damaged entries', async () => {
    const list = await parseTagpack([fileSource(`${PACKS}ofac.yaml`)], {});
    const counts: Record<string, number> = {};
    for (const e of list.entities) for (const c of e.properties.currencySymbol ?? []) counts[c] = (counts[c] ?? 0) + 1;
    expect(counts).toEqual({ BTC: 385, ETH: 147, USDT: 9, LTC: 8, BCH: 7, ZEC: 3, DASH: 3, XMR: 3, TRX: 3, BSV: 1, XRP: 1, BTG: 1, XVG: 1 });
    // No confidence and no abuse: not a screening target by our rule (load the OFAC per-asset lists for that).
    expect(list.entities.some((e) => e.target)).toBe(false);
    expect(list.warnings).toHaveLength(5);
    expect(list.warnings.filter((w) => w.includes('XMR address'))).toHaveLength(3);
    expect(list.warnings).toContain(`${PACKS}ofac.yaml: 572 of 572 tags set no confidence`);
  });

  it('reads hacks.yaml as 403 exchange and 178 service_hack tags, none a target', async () => {
    const list = await parseTagpack([fileSource(`${PACKS}hacks.yaml`)], {});
    const keyword = (k: string) => list.entities.filter((e) => e.properties.keywords?.includes(k)).length;
    expect(keyword('exchange')).toBe(403);
    expect(keyword('service_hack')).toBe(178);
    expect(list.entities.some((e) => e.target)).toBe(false);
    expect(list.entities.every((e) => e.properties.notes?.includes('confidence_level: 20'))).toBe(true);
  });

  it('marks the exchange reserve packs as cluster definers, not targets', async () => {
    const list = await parseTagpack([fileSource(`${PACKS}exchange-wallets-bybit.yaml`)], {});
    expect(list.entities.every((e) => !e.target && e.properties.notes?.includes('is_cluster_definer: true'))).toBe(true);
    expect(list.entities.map((e) => e.properties.publicKey?.[0])).toContain('0x1db92e2eebc8e0c075a02bea49a2935bcd2dfcf4');
  });
});
