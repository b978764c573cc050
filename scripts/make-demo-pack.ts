/**
 * Writes demo/lists/dprk-excerpt.ftm.json: a small excerpt of DPRK listings (public facts from the UN
 * consolidated list and the OFAC SDN list) so that a first `npm start` works offline. Run it with the
 * real files beside the checkout: `node --import tsx scripts/make-demo-pack.ts`.
 * Ids get a `demo-` prefix so the excerpt never collides with the official lists once they are loaded.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FtmEntity } from '../src/ftm/entity.js';
import { LIST_REGISTRY } from '../src/lists/formats.js';
import { expandPaths, groupFiles, parseGroup } from '../src/lists/load.js';

const SHARED = fileURLToPath(new URL('../../shared/data/lists/', import.meta.url));
const OUT = fileURLToPath(new URL('../demo/lists/dprk-excerpt.ftm.json', import.meta.url));
const UN_ENTRIES = ['KPe.001', 'KPe.002', 'KPe.003', 'KPi.001', 'KPi.008', 'KPi.064', 'KPi.066'];
const OFAC_ENTRIES = ['20157', '21444', '27307', '27308', '27309'];
const DEMO_LIST = 'demo_dprk_excerpt';

const picked: FtmEntity[] = [];
for (const [dir, entries] of [['un', UN_ENTRIES], ['ofac-sdn', OFAC_ENTRIES]] as const) {
  const [group] = await groupFiles(await expandPaths([SHARED + dir]), LIST_REGISTRY);
  const parsed = await parseGroup(group!);
  picked.push(...parsed.entities.filter((e) => e.provenance && (entries as readonly string[]).includes(e.provenance.entryId)));
}

const ids = new Set(picked.map((e) => e.id));
const rename = (id: string) => (ids.has(id) ? `demo-${id}` : id);
const lines = picked.map((e) => {
  const properties: Record<string, string[]> = {};
  for (const [k, vs] of Object.entries(e.properties)) properties[k] = vs.map(rename);
  const { file: _f, line: _l, list: _list, ...provenance } = e.provenance!;
  return JSON.stringify({ id: rename(e.id), schema: e.schema, caption: e.caption, properties, datasets: [DEMO_LIST], target: e.target ?? false, provenance });
});
writeFileSync(OUT, `${lines.join('\n')}\n`);
console.log(`wrote ${lines.length} entities to ${OUT}`);
