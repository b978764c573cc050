import { createHash } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InputError } from '../errors.js';
import type { ListVersion, Store } from '../store/store.js';
import type { FormatRegistry, FormatSpec } from './registry.js';
import { computeListStats } from './stats.js';
import { fileSource, sourceBaseName, type SourceFile } from './source.js';
import type { ListFormat, ParsedList } from './types.js';

const HEAD_BYTES = 4096;

export interface LoadGroup {
  spec: FormatSpec;
  files: SourceFile[];
}

export interface LoadProgress {
  /** Called once per group before parsing, then with bytes read so far. */
  start?(label: string, totalBytes: number): void;
  advance?(bytesRead: number): void;
  stop?(): void;
}

export interface LoadOptions {
  format?: ListFormat;
  list?: string;
  sourceUrl?: string;
  progress?: LoadProgress;
}

export interface LoadResult {
  version: ListVersion;
  files: string[];
  warnings: string[];
}

/** A file to load; `explicit` when the user named it, not when it was found inside a named directory. */
export interface InputPath {
  path: string;
  explicit: boolean;
}

/** Expands directories (recursively) into the files below them, sorted, skipping dot-files. */
export async function expandPaths(paths: string[], explicit = true): Promise<InputPath[]> {
  const out: InputPath[] = [];
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch (err) {
      throw new InputError(p, `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    if (st.isDirectory()) {
      const names = (await readdir(p)).filter((n) => !n.startsWith('.')).sort();
      out.push(...(await expandPaths(names.map((n) => join(p, n)), false)));
    } else {
      out.push({ path: p, explicit });
    }
  }
  return out;
}

export async function readHead(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}

/**
 * Decides each file's format (or takes the forced one) and joins the files that make one list. A file
 * found inside a directory whose format is unknown (a LICENSE, a README) is skipped and reported in
 * `skipped`; a file the user named is an error.
 */
export async function groupFiles(
  inputs: (InputPath | string)[],
  registry: FormatRegistry,
  forced?: ListFormat,
  skipped: string[] = [],
): Promise<LoadGroup[]> {
  const groups = new Map<string, LoadGroup>();
  const ordered: LoadGroup[] = [];
  for (const input of inputs) {
    const { path, explicit } = typeof input === 'string' ? { path: input, explicit: true } : input;
    const source = fileSource(path);
    const spec = forced ? registry.find((s) => s.format === forced) : await detect(path, registry);
    if (!spec && !explicit) {
      skipped.push(path);
      continue;
    }
    if (!spec) {
      const known = registry.map((s) => s.format).join(', ');
      throw new InputError(path, `cannot tell which list format this is; name it with --format (one of: ${known})`);
    }
    const key = spec.groupKey;
    const existing = key ? groups.get(key) : undefined;
    if (existing) {
      existing.files.push(source);
      continue;
    }
    const group = { spec, files: [source] };
    if (key) groups.set(key, group);
    ordered.push(group);
  }
  return ordered;
}

async function detect(path: string, registry: FormatRegistry): Promise<FormatSpec | undefined> {
  const head = await readHead(path);
  const name = basename(path);
  return registry.find((s) => s.sniff(head, name));
}

/** Parses a group fully, then stores it as the list's new active version in one transaction. */
export async function loadGroup(store: Store, group: LoadGroup, options: LoadOptions = {}): Promise<LoadResult> {
  const parsed = await parseGroup(group, options);
  const version = await store.addListVersion(
    {
      list: parsed.list,
      format: parsed.format,
      publishedAt: parsed.publishedAt,
      sourceUrl: parsed.sourceUrl,
      sha256: await digestFiles(group.files),
      note: null,
      entities: parsed.entities,
      stats: computeListStats(parsed.entities),
    },
    { activate: true },
  );
  return { version, files: group.files.map((f) => f.name), warnings: parsed.warnings };
}

export async function parseGroup(group: LoadGroup, options: LoadOptions = {}): Promise<ParsedList> {
  const total = group.files.reduce((n, f) => n + (f.size ?? 0), 0);
  const progress = options.progress;
  progress?.start?.(`${group.spec.format} ${group.files.map(sourceBaseName).join(' ')}`, total);
  let doneBefore = 0;
  let current = 0;
  const files = group.files.map((f) => ({
    ...f,
    open: () => {
      doneBefore += current;
      current = 0;
      return f.open();
    },
  }));
  try {
    return await group.spec.parser(files, {
      list: options.list,
      sourceUrl: options.sourceUrl,
      onBytes: (bytes) => {
        current = bytes;
        progress?.advance?.(doneBefore + bytes);
      },
    });
  } finally {
    progress?.stop?.();
  }
}

/** One digest over the files of a list, to recognise an unchanged download. */
export async function digestFiles(files: SourceFile[]): Promise<string> {
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => sourceBaseName(a).localeCompare(sourceBaseName(b)))) {
    for await (const chunk of f.open()) hash.update(chunk);
  }
  return hash.digest('hex');
}
