import { describe, expect, it } from 'vitest';
import { hash64 } from './hash64.js';
import { KeyIndex } from './key-index.js';
import { UnionFind } from './union-find.js';

describe('KeyIndex', () => {
  it('groups records by equal keys, keeps tags, drops singletons, and counts a record once', () => {
    const index = new KeyIndex(2);
    const h = new Uint32Array(2);
    const add = (key: string, record: number, tag = 0) => {
      hash64(key, h);
      index.add(h[0]!, h[1]!, record, tag);
    };
    add('a', 0);
    add('b', 1);
    add('a', 2, 1);
    add('a', 2);
    add('c', 3);
    add('b', 4);
    const groups: string[] = [];
    index.groups((records, _lo, _hi, tags) => groups.push(`${records.join(',')}|${tags.join(',')}`));
    expect(groups.sort()).toEqual(['0,2|0,1', '1,4|0,0']);
  });
});

describe('UnionFind', () => {
  it('joins sets transitively and reports their sizes', () => {
    const uf = new UnionFind(6);
    uf.union(0, 1);
    uf.union(3, 4);
    uf.union(1, 4);
    expect(uf.find(0)).toBe(uf.find(3));
    expect(uf.setSize(4)).toBe(4);
    expect(uf.find(5)).toBe(5);
    expect(uf.union(0, 3)).toBe(false);
  });
});
