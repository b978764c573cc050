import type { ListFormat } from './types.js';

/** An official list publication that `lists update` can fetch. */
export interface OfficialSource {
  /** What `--source` takes. */
  name: string;
  list: string;
  format: ListFormat;
  title: string;
  /** Every file of the list; multi-file lists (OFAC CSV sets) are fetched together. */
  urls: string[];
}

const OFAC_EXPORTS = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports';

export const OFFICIAL_SOURCES: OfficialSource[] = [
  {
    name: 'un',
    list: 'un_sc',
    format: 'un-xml',
    title: 'UN Security Council Consolidated List',
    urls: ['https://scsanctions.un.org/resources/xml/en/consolidated.xml'],
  },
  {
    name: 'ofac',
    list: 'us_ofac_sdn',
    format: 'ofac-csv',
    title: 'OFAC Specially Designated Nationals (SDN) list',
    urls: ['SDN.CSV', 'ALT.CSV', 'ADD.CSV', 'SDN_COMMENTS.CSV'].map((f) => `${OFAC_EXPORTS}/${f}`),
  },
  {
    name: 'ofac-cons',
    list: 'us_ofac_cons',
    format: 'ofac-cons-csv',
    title: 'OFAC Consolidated (non-SDN) list',
    urls: ['CONS_PRIM.CSV', 'CONS_ALT.CSV', 'CONS_ADD.CSV', 'CONS_COMMENTS.CSV'].map((f) => `${OFAC_EXPORTS}/${f}`),
  },
];

export function findSource(name: string): OfficialSource | undefined {
  return OFFICIAL_SOURCES.find((s) => s.name === name);
}

/**
 * With a mirror (`--mirror URL` or `COUNTERFLOW_MIRROR`), every official file is fetched from
 * `<mirror>/<file name>` instead: for air-gapped sites that copy the lists, and for tests.
 */
export function mirrored(url: string, mirror: string | undefined): string {
  if (!mirror) return url;
  const file = url.slice(url.lastIndexOf('/') + 1);
  return `${mirror.replace(/\/+$/, '')}/${file}`;
}
