import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { LIST_REGISTRY } from '../src/lists/formats.js';
import { expandPaths, groupFiles, loadGroup, parseGroup } from '../src/lists/load.js';
import { openStore } from '../src/store/open-store.js';

const SHARED = fileURLToPath(new URL('../../shared/data/lists/', import.meta.url));

/**
 * Load + parse time of the UN XML and the OFAC CSV sets, and the whole "load every list and store it"
 * job, against a peer in the same run: a generic parse of the same files (fast-xml-parser DOM for the
 * XML, csv-parse for the CSVs) that maps nothing to entities and stores nothing.
 */
export async function benchLists(): Promise<Record<string, unknown>> {
  if (!existsSync(SHARED)) return { skipped: `no ../shared/data/lists beside the checkout (${SHARED})` };
  const unFiles = await expandPaths([join(SHARED, 'un')]);
  const sdnFiles = await expandPaths([join(SHARED, 'ofac-sdn')]);
  const consFiles = await expandPaths([join(SHARED, 'ofac-consolidated')]);
  const all = [...unFiles, ...sdnFiles, ...consFiles];

  const runs = 5;
  const parseMs = { un: [] as number[], ofacSdn: [] as number[], ofacCons: [] as number[] };
  for (let i = 0; i < runs; i++) {
    for (const [key, files] of [['un', unFiles], ['ofacSdn', sdnFiles], ['ofacCons', consFiles]] as const) {
      const [group] = await groupFiles(files, LIST_REGISTRY);
      const t = performance.now();
      await parseGroup(group!);
      parseMs[key].push(performance.now() - t);
    }
  }

  const peerMs = { un: [] as number[], ofacSdn: [] as number[], ofacCons: [] as number[] };
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    new XMLParser({ ignoreAttributes: false }).parse(readFileSync(unFiles[0]!.path, 'utf8'));
    peerMs.un.push(performance.now() - t);
    for (const [key, files] of [['ofacSdn', sdnFiles], ['ofacCons', consFiles]] as const) {
      t = performance.now();
      for (const f of files) parseCsvSync(readFileSync(f.path, 'latin1').replace(String.fromCharCode(0x1a), ''), { relax_column_count: true, relax_quotes: true });
      peerMs[key].push(performance.now() - t);
    }
  }

  const loadAllMs: number[] = [];
  let entities = 0;
  for (let i = 0; i < 3; i++) {
    const home = mkdtempSync(join(tmpdir(), 'cf-bench-lists-'));
    const store = await openStore({ home });
    const t = performance.now();
    entities = 0;
    for (const g of await groupFiles(all, LIST_REGISTRY)) entities += (await loadGroup(store, g)).version.entityCount;
    loadAllMs.push(performance.now() - t);
    await store.close();
    rmSync(home, { recursive: true, force: true });
  }

  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    files: all.length,
    entitiesStored: entities,
    parseMs: { un: round(med(parseMs.un)), ofacSdn: round(med(parseMs.ofacSdn)), ofacCons: round(med(parseMs.ofacCons)) },
    peerGenericParseMs: { un: round(med(peerMs.un)), ofacSdn: round(med(peerMs.ofacSdn)), ofacCons: round(med(peerMs.ofacCons)) },
    ratioOursToPeer: {
      un: round(med(parseMs.un) / med(peerMs.un)),
      ofacSdn: round(med(parseMs.ofacSdn) / med(peerMs.ofacSdn)),
      ofacCons: round(med(parseMs.ofacCons) / med(peerMs.ofacCons)),
    },
    loadAndStoreAllMs: round(med(loadAllMs)),
    targetLoadAndStoreAllMs: 3000,
    meetsTarget: med(loadAllMs) < 3000,
  };
}
