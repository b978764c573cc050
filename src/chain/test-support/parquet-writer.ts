/**
 * A minimal parquet writer for tests (hyparquet only reads): one row group, REQUIRED columns, PLAIN encoding,
 * one data page per column, uncompressed or LZ4_RAW. Enough to build cryo-shaped files with the real
 * physical and logical types.
 */

export type ParquetColumn =
  | { name: string; type: 'UINT32'; values: number[] }
  | { name: string; type: 'UINT64'; values: bigint[] }
  | { name: string; type: 'BINARY'; values: Uint8Array[] }
  | { name: string; type: 'STRING'; values: string[] };

const T = { I32: 5, I64: 6, BINARY: 8, LIST: 9, STRUCT: 12 } as const;

class Compact {
  private bytes: number[] = [];
  private lastField: number[] = [0];

  varint(n: bigint): void {
    let v = n;
    while (v >= 0x80n) {
      this.bytes.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.bytes.push(Number(v));
  }
  private zigzag(n: bigint): bigint {
    return n >= 0n ? n << 1n : (-n << 1n) - 1n;
  }
  field(id: number, type: number): void {
    const delta = id - this.lastField[this.lastField.length - 1]!;
    if (delta > 0 && delta <= 15) this.bytes.push((delta << 4) | type);
    else {
      this.bytes.push(type);
      this.varint(this.zigzag(BigInt(id)));
    }
    this.lastField[this.lastField.length - 1] = id;
  }
  i32(id: number, v: number): void {
    this.field(id, T.I32);
    this.varint(this.zigzag(BigInt(v)));
  }
  i64(id: number, v: number | bigint): void {
    this.field(id, T.I64);
    this.varint(this.zigzag(BigInt(v)));
  }
  binary(id: number, v: Uint8Array | string): void {
    this.field(id, T.BINARY);
    this.rawBinary(v);
  }
  rawBinary(v: Uint8Array | string): void {
    const b = typeof v === 'string' ? new TextEncoder().encode(v) : v;
    this.varint(BigInt(b.length));
    this.bytes.push(...b);
  }
  listHeader(id: number, size: number, elemType: number): void {
    this.field(id, T.LIST);
    if (size < 15) this.bytes.push((size << 4) | elemType);
    else {
      this.bytes.push(0xf0 | elemType);
      this.varint(BigInt(size));
    }
  }
  beginStruct(id?: number): void {
    if (id !== undefined) this.field(id, T.STRUCT);
    this.lastField.push(0);
  }
  endStruct(): void {
    this.bytes.push(0);
    this.lastField.pop();
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

function plain(column: ParquetColumn): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const v of column.values) {
    if (column.type === 'UINT32') {
      const b = new Uint8Array(4);
      new DataView(b.buffer).setUint32(0, v as number, true);
      parts.push(b);
    } else if (column.type === 'UINT64') {
      const b = new Uint8Array(8);
      new DataView(b.buffer).setBigUint64(0, v as bigint, true);
      parts.push(b);
    } else {
      const data = typeof v === 'string' ? new TextEncoder().encode(v) : (v as Uint8Array);
      const len = new Uint8Array(4);
      new DataView(len.buffer).setUint32(0, data.length, true);
      parts.push(len, data);
    }
  }
  return concat(parts);
}

/** LZ4 block holding everything as literals: valid LZ4, no compression. */
export function lz4Literals(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  const n = data.length;
  if (n < 15) out.push(n << 4);
  else {
    out.push(0xf0);
    let rest = n - 15;
    while (rest >= 255) {
      out.push(255);
      rest -= 255;
    }
    out.push(rest);
  }
  return concat([Uint8Array.from(out), data]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The bytes of a parquet file with the given columns (all the same length).
 *
 * @example
 * writeParquet([{ name: 'block_number', type: 'UINT32', values: [1, 2] }]);
 */
export function writeParquet(columns: ParquetColumn[], options: { codec?: 'UNCOMPRESSED' | 'LZ4_RAW' } = {}): Uint8Array {
  const rows = columns[0]?.values.length ?? 0;
  const codec = options.codec === 'LZ4_RAW' ? 7 : 0;
  const chunks: Uint8Array[] = [new TextEncoder().encode('PAR1')];
  let offset = 4;
  const metas: { column: ParquetColumn; offset: number; size: number; uncompressed: number }[] = [];
  for (const column of columns) {
    const data = plain(column);
    const body = codec === 7 ? lz4Literals(data) : data;
    const header = new Compact();
    header.beginStruct();
    header.i32(1, 0); // DATA_PAGE
    header.i32(2, data.length);
    header.i32(3, body.length);
    header.beginStruct(5);
    header.i32(1, rows);
    header.i32(2, 0); // PLAIN
    header.i32(3, 3); // RLE
    header.i32(4, 3);
    header.endStruct();
    header.endStruct();
    const h = header.done();
    chunks.push(h, body);
    metas.push({ column, offset, size: h.length + body.length, uncompressed: h.length + data.length });
    offset += h.length + body.length;
  }
  const f = new Compact();
  f.beginStruct();
  f.i32(1, 1);
  f.listHeader(2, columns.length + 1, T.STRUCT);
  f.beginStruct();
  f.binary(4, 'schema');
  f.i32(5, columns.length);
  f.endStruct();
  for (const c of columns) {
    f.beginStruct();
    f.i32(1, c.type === 'UINT32' ? 1 : c.type === 'UINT64' ? 2 : 6);
    f.i32(3, 0); // REQUIRED
    f.binary(4, c.name);
    if (c.type === 'UINT32') f.i32(6, 13);
    if (c.type === 'UINT64') f.i32(6, 14);
    if (c.type === 'STRING') f.i32(6, 0);
    f.endStruct();
  }
  f.i64(3, rows);
  f.listHeader(4, 1, T.STRUCT);
  f.beginStruct();
  f.listHeader(1, columns.length, T.STRUCT);
  for (const m of metas) {
    f.beginStruct();
    f.i64(2, m.offset);
    f.beginStruct(3);
    f.i32(1, m.column.type === 'UINT32' ? 1 : m.column.type === 'UINT64' ? 2 : 6);
    f.listHeader(2, 1, T.I32);
    f.varint(0n); // PLAIN (zigzag 0)
    f.listHeader(3, 1, T.BINARY);
    f.rawBinary(m.column.name);
    f.i32(4, codec);
    f.i64(5, rows);
    f.i64(6, m.uncompressed);
    f.i64(7, m.size);
    f.i64(9, m.offset);
    f.endStruct();
    f.endStruct();
  }
  f.i64(2, metas.reduce((n, m) => n + m.uncompressed, 0));
  f.i64(3, rows);
  f.endStruct();
  f.endStruct();
  const footer = f.done();
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, footer.length, true);
  chunks.push(footer, len, new TextEncoder().encode('PAR1'));
  return concat(chunks);
}
