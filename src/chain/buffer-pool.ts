/**
 * Memory for the byte columns of file batches, handed back once a batch is written and taken again by the next
 * batch's columns. Every new ArrayBuffer is memory outside V8's heap that V8 counts: a long import that gave
 * each batch of about 4,000 rows new buffers (about 0.6 MB) made V8 start a full mark-compact collection every
 * few dozen batches (six per 500,000 token transfers), each marking the whole heap on the helper threads.
 * Buffers taken again are not new memory.
 *
 * @example
 * const pool = new BufferPool();
 * const bytes = pool.take(4096); // at least 4096 bytes, contents undefined
 * pool.give(bytes); // the next take may return the same memory
 */
export class BufferPool {
  private readonly free: ArrayBuffer[] = [];
  private freeBytes = 0;
  /** Memory this pool created: only that is taken back (a Buffer may share Node's pool with others). */
  private readonly own = new WeakSet<ArrayBuffer>();

  constructor(
    private readonly maxBuffers = 32,
    private readonly maxBytes = 16 << 20,
  ) {}

  /**
   * A Buffer of at least `bytes` bytes on memory of its own (offset 0, so 4-byte aligned), contents
   * undefined: the smallest free one big enough, else new memory.
   */
  take(bytes: number): Buffer {
    return Buffer.from(this.takeMemory(bytes));
  }

  /** An Int32Array of at least `length` elements (contents undefined), as take. */
  takeInt32(length: number): Int32Array {
    const memory = this.takeMemory(4 * length);
    return new Int32Array(memory, 0, memory.byteLength >> 2);
  }

  /**
   * Hands back the memory of a view taken from this pool; the caller must not use any view of it afterwards.
   * Views of other memory are ignored, and memory beyond the pool's limits is left to the garbage collector.
   */
  give(view: ArrayBufferView): void {
    const memory = view.buffer;
    if (!(memory instanceof ArrayBuffer) || !this.own.has(memory)) return;
    if (this.free.length >= this.maxBuffers || this.freeBytes + memory.byteLength > this.maxBytes) return;
    if (this.free.includes(memory)) return;
    this.free.push(memory);
    this.freeBytes += memory.byteLength;
  }

  /** Bytes held for reuse. */
  get heldBytes(): number {
    return this.freeBytes;
  }

  private takeMemory(bytes: number): ArrayBuffer {
    let best = -1;
    for (let i = 0; i < this.free.length; i++) {
      const size = this.free[i]!.byteLength;
      if (size >= bytes && (best < 0 || size < this.free[best]!.byteLength)) best = i;
    }
    if (best >= 0) {
      const memory = this.free[best]!;
      this.free[best] = this.free[this.free.length - 1]!;
      this.free.pop();
      this.freeBytes -= memory.byteLength;
      return memory;
    }
    // A power of two: batches differ a little in size, and memory handed back then serves the next one.
    const memory = new ArrayBuffer(Math.max(1024, 2 ** Math.ceil(Math.log2(Math.max(1, bytes)))));
    this.own.add(memory);
    return memory;
  }
}

/** The pool of the transfer columns that file readers fill (see TransferColumns.release). */
export const COLUMN_MEMORY = new BufferPool();
