import { parseAddressCsv, sniffAddressCsv } from './crypto/parse-address-csv.js';
import { parseOfacCrypto, sniffOfacCryptoJson, sniffOfacCryptoTxt } from './crypto/parse-ofac-crypto.js';
import { parseTagpack, sniffTagpack } from './crypto/parse-tagpack.js';
import { parseOfacAdvancedXml, sniffOfacAdvancedXml } from './ofac/parse-ofac-advanced-xml.js';
import { parseOfacConsCsv, parseOfacSdnCsv, sniffOfacConsCsv, sniffOfacSdnCsv } from './ofac/parse-ofac-csv.js';
import { parseOfacXml, sniffOfacXml } from './ofac/parse-ofac-xml.js';
import { parseFtmJsonl, sniffFtmJsonl } from './opensanctions/parse-ftm-jsonl.js';
import type { FormatRegistry } from './registry.js';
import { parseUnXml, sniffUnXml } from './un/parse-un-xml.js';

/**
 * Every list format, in detection order: specific formats first, the generic `address,name` CSV last.
 */
export const LIST_REGISTRY: FormatRegistry = [
  { format: 'ofac-advanced-xml', parser: parseOfacAdvancedXml, sniff: sniffOfacAdvancedXml },
  { format: 'ofac-xml', parser: parseOfacXml, sniff: sniffOfacXml },
  { format: 'un-xml', parser: parseUnXml, sniff: sniffUnXml },
  { format: 'ftm-jsonl', parser: parseFtmJsonl, sniff: sniffFtmJsonl },
  { format: 'tagpack-yaml', parser: parseTagpack, sniff: sniffTagpack },
  { format: 'ofac-crypto-json', parser: parseOfacCrypto, sniff: sniffOfacCryptoJson, groupKey: 'ofac-crypto' },
  { format: 'ofac-crypto-txt', parser: parseOfacCrypto, sniff: sniffOfacCryptoTxt, groupKey: 'ofac-crypto' },
  { format: 'ofac-csv', parser: parseOfacSdnCsv, sniff: sniffOfacSdnCsv, groupKey: 'ofac-sdn' },
  { format: 'ofac-cons-csv', parser: parseOfacConsCsv, sniff: sniffOfacConsCsv, groupKey: 'ofac-cons' },
  { format: 'address-csv', parser: parseAddressCsv, sniff: sniffAddressCsv },
];
