import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { addressKey, normaliseAddress } from '../../addresses/index.js';
import { InputError } from '../../errors.js';
import { readLines, type SourceFile } from '../../lists/source.js';
import { LABEL_CATEGORIES, type Label, type LabelCategory } from './label.js';

/** Labels the user added or imported live in one JSON file in the home directory. */
export function userLabelsPath(home: string): string {
  return join(home, 'labels', 'labels.json');
}

export function readUserLabels(home: string): Label[] {
  const file = userLabelsPath(home);
  if (!existsSync(file)) return [];
  const data = JSON.parse(readFileSync(file, 'utf8')) as { labels: Label[] };
  return data.labels;
}

function writeUserLabels(home: string, labels: readonly Label[]): void {
  const file = userLabelsPath(home);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify({ labels }, null, 1));
  renameSync(`${file}.tmp`, file);
}

export function parseCategory(value: string, source = '--category'): LabelCategory {
  const c = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (!(LABEL_CATEGORIES as readonly string[]).includes(c)) throw new InputError(source, `unknown category "${value}" (known: ${LABEL_CATEGORIES.join(', ')})`);
  return c as LabelCategory;
}

/**
 * Adds labels (same address, category, name and origin replaces the old one); returns how many are stored.
 *
 * @example
 * addUserLabels(home, [{ address: '0x…', category: 'exchange', name: 'Example', origin: 'user', confidence: 100 }]);
 */
export function addUserLabels(home: string, labels: readonly Label[]): number {
  const current = readUserLabels(home);
  for (const l of labels) {
    const n = normaliseAddress(l.address);
    if (!n.valid) throw new InputError('label', `not a valid address: "${l.address}"${n.problem ? ` (${n.problem})` : ''}`);
    const key = addressKey(l.address);
    const i = current.findIndex((c) => c.address === key && c.category === l.category && c.name === l.name && c.origin === l.origin);
    const label = { ...l, address: key };
    if (i >= 0) current[i] = label;
    else current.push(label);
  }
  writeUserLabels(home, current);
  return current.length;
}

/** The FBI PSA that published the Bybit layering addresses (one address per line in the file). */
export const FBI_BYBIT_PSA = { name: 'FBI PSA I-022625-PSA (TraderTraitor, Bybit)', source: 'https://www.ic3.gov/PSA/2025/PSA250226' };

/**
 * Reads an address list (one address a line, `#` comments) as stolen-funds labels; every bad line is an
 * InputError naming the file and line.
 *
 * @example
 * const labels = await readAddressList(fileSource('fbi_psa250226_tradertraitor_eth_addresses.txt'), FBI_BYBIT_PSA);
 */
export async function readAddressList(src: SourceFile, about: { name: string; source: string }, category: LabelCategory = 'stolen_funds'): Promise<Label[]> {
  const out: Label[] = [];
  for await (const { line: text, lineNo: no } of readLines(src, { maxLineBytes: 4096 })) {
    const line = text.trim();
    if (!line || line.startsWith('#')) continue;
    const n = normaliseAddress(line);
    if (!n.valid) throw new InputError(src.name, `not a valid address: "${line}"${n.problem ? ` (${n.problem})` : ''}`, no);
    out.push({ address: n.address, category, name: about.name, origin: 'fbi', confidence: 60, source: about.source });
  }
  if (out.length === 0) throw new InputError(src.name, 'no addresses in the file', 1);
  return out;
}
