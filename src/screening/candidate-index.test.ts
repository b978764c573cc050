import { describe, expect, it } from 'vitest';
import { CandidateIndex, tokenKeys, type IndexEntry } from './candidate-index.js';
import { walletKey } from './feature-identifier.js';
import { nameReadings } from './name-readings.js';
import { TokenTable } from './token-table.js';

const table = new TokenTable();
function entry(names: string[], extra: Partial<IndexEntry> = {}): IndexEntry {
  return { bit: 1, list: 0, readings: names.flatMap((n) => nameReadings(n, 'person', table)), weakReadings: [], identifiers: [], wallets: [], ...extra };
}
const entries: IndexEntry[] = [
  entry(['KIM, Jong Un']),
  entry(['RI PYONG CHUL', 'Ri Pyong Chol']),
  entry(['FAIZ']),
  entry(['HALA SADDAM HUSSEIN AL-TIKRITI']),
  entry(['Kim Sang Man'], { wallets: [{ key: walletKey('0xb6f5ec1a0a9cd1526536d3f0426c429529471f40') as string, raw: '0xb6f5…' }], list: 1 }),
  entry(['Mohammed Ali'], { bit: 2, identifiers: [{ key: '645120378', raw: '645120378', prop: 'passportNumber' }] }),
];
const index = new CandidateIndex(table, entries);
const find = (name: string, mask = 3, lists: Uint8Array | null = null) => [...index.retrieve(nameReadings(name, 'person', table), [], [], mask, lists, 5).candidates];

describe('tokenKeys', () => {
  it('gives exact, Korean and fuzzy keys', () => {
    const keys = tokenKeys(table.info(table.intern('jeong'))).map(([k]) => k);
    expect(keys).toEqual(expect.arrayContaining(['w:jeong', 'k:CONG', 'f:정', 'a:egjno']));
    // 3-grams of ASCII letters are packed into numbers: ^je, jeo, eon, ong, ng$.
    expect(keys.filter((k) => typeof k === 'number')).toHaveLength(5);
    const gram = (s: string) => (s.charCodeAt(0) << 14) | (s.charCodeAt(1) << 7) | s.charCodeAt(2);
    expect(keys).toContain(gram('^je'));
    expect(keys).toContain(gram('ng$'));
  });
});

describe('CandidateIndex.retrieve', () => {
  it('finds across romanisations and scripts', () => {
    expect(find('Lee Byeongcheol')[0]).toBe(1);
    expect(find('리병철')[0]).toBe(1);
    expect(find('김정은')[0]).toBe(0);
  });

  it('finds typos: transposed letters, doubled letters, one wrong letter', () => {
    expect(find('AFIZ')[0]).toBe(2);
    expect(find('HALA SADDAM HUSSEIN ALL-TIKRITI')[0]).toBe(3);
    expect(find('RI PYONG CHULL')[0]).toBe(1);
  });

  it('ranks nothing for a name it has nothing of', () => {
    expect(find('Zzyzx Qwerty')).toEqual([]);
  });

  it('applies the schema mask and the list filter', () => {
    expect(find('Mohammed Ali', 1)).toEqual([]);
    expect(find('Mohammed Ali', 2)).toEqual([5]);
    expect(find('Kim Sang Man', 3, Uint8Array.from([1, 0]))).not.toContain(4);
    expect(find('Kim Sang Man', 3, Uint8Array.from([0, 1]))).toEqual([4]);
  });

  it('finds identifiers and wallets without a name', () => {
    const byId = index.retrieve([], [{ key: '645120378', raw: '', prop: 'idNumber' }], [], 3, null, 5);
    expect([...byId.candidates]).toEqual([5]);
    const byWallet = index.retrieve([], [], [{ key: walletKey('0xB6F5EC1A0A9CD1526536D3F0426C429529471F40') as string, raw: '' }], 3, null, 5);
    expect([...byWallet.candidates]).toEqual([4]);
  });

  it('returns at most k, best first, and leaves no state behind', () => {
    const a = index.retrieve(nameReadings('Kim', 'person', table), [], [], 3, null, 1);
    expect(a.candidates).toHaveLength(1);
    const again = index.retrieve(nameReadings('Kim', 'person', table), [], [], 3, null, 1);
    expect([...again.scores]).toEqual([...a.scores]);
  });

  it('works empty', () => {
    const empty = new CandidateIndex(table, []);
    expect(empty.retrieve(nameReadings('Kim', 'person', table), [], [], 3, null, 5).candidates).toHaveLength(0);
  });
});
