import { describe, expect, it } from 'vitest';
import { runBlockLoop } from './block-loop.js';

/** A node whose head moves on as the test says, and an ingest that takes batches of three blocks. */
function fakeNode(heads: number[]) {
  const batches: [number, number][] = [];
  let asked = 0;
  return {
    batches,
    head: async () => heads[Math.min(asked++, heads.length - 1)]!,
    ingest: async (next: number, last: number) => {
      const to = Math.min(last, next + 2);
      batches.push([next, to]);
      return to + 1;
    },
  };
}

describe('the block loop of node ingests', () => {
  it('goes from the checkpoint to the head seen at the start, batch by batch, and stops', async () => {
    const node = fakeNode([7, 100]);
    await runBlockLoop({ start: 2, pollMs: 1, head: node.head, ingest: node.ingest });
    expect(node.batches).toEqual([
      [2, 4],
      [5, 7],
    ]);
  });

  it('does nothing when the checkpoint is past the last block', async () => {
    const node = fakeNode([7]);
    await runBlockLoop({ start: 8, to: 7, pollMs: 1, head: node.head, ingest: node.ingest });
    expect(node.batches).toEqual([]);
  });

  it('with follow, waits for new blocks and ends after `to`', async () => {
    const node = fakeNode([3, 3, 3, 6, 9, 12]);
    await runBlockLoop({ start: 0, to: 8, follow: true, pollMs: 1, head: node.head, ingest: node.ingest });
    expect(node.batches).toEqual([
      [0, 2],
      [3, 3],
      [4, 6],
      [7, 8],
    ]);
  });

  it('with follow and no end, polls until aborted', async () => {
    const node = fakeNode([2]);
    const abort = new AbortController();
    let polls = 0;
    const head = async () => {
      if (++polls === 5) abort.abort();
      return node.head();
    };
    await runBlockLoop({ start: 0, follow: true, pollMs: 1, signal: abort.signal, head, ingest: node.ingest });
    expect(node.batches).toEqual([[0, 2]]);
    expect(polls).toBe(5);
  });

  it('goes on where the check says (a reorg found before fetching)', async () => {
    const node = fakeNode([9]);
    let checked = false;
    const check = async (next: number) => {
      if (checked) return next;
      checked = true;
      return 4;
    };
    await runBlockLoop({ start: 8, pollMs: 1, head: node.head, check, ingest: node.ingest });
    expect(node.batches).toEqual([
      [4, 6],
      [7, 9],
    ]);
  });
});
