import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { CounterflowError } from '../errors.js';
import type { ListVersion, Store, UpdateOutcome } from '../store/store.js';
import { digestFiles, parseGroup, type LoadProgress } from './load.js';
import type { FormatRegistry } from './registry.js';
import { fileSource } from './source.js';
import { mirrored, type OfficialSource } from './sources.js';
import { computeListStats } from './stats.js';
import { countEntries } from '../ftm/entity.js';

export interface UpdateOptions {
  /** Directory for downloads (inside the home directory). */
  workDir: string;
  mirror?: string;
  /** Refuse a new version that has lost more than this share of the listed entries (default 0.1). */
  maxShrink?: number;
  force?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  progress?: LoadProgress;
  fetchImpl?: typeof fetch;
}

export interface UpdateReport {
  source: string;
  list: string;
  outcome: UpdateOutcome;
  message: string;
  version: ListVersion | null;
  previous: ListVersion | null;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_BYTES = 1 << 30;

/**
 * Downloads one official list into a new version and swaps it in atomically. When the download or the
 * parse fails, or the new version lost more than `maxShrink` of the listed entries, the last good version
 * stays active and the report says why.
 */
export async function updateSource(
  store: Store,
  source: OfficialSource,
  registry: FormatRegistry,
  options: UpdateOptions,
): Promise<UpdateReport> {
  const previous = await store.findVersion(source.list);
  const report = async (outcome: UpdateOutcome, message: string, version: ListVersion | null): Promise<UpdateReport> => {
    await store.recordUpdate({ list: source.list, at: new Date().toISOString(), outcome, message });
    return { source: source.name, list: source.list, outcome, message, version, previous };
  };
  const spec = registry.find((s) => s.format === source.format);
  if (!spec) throw new Error(`no parser registered for ${source.format}`);

  await mkdir(options.workDir, { recursive: true });
  const dir = await mkdtemp(join(options.workDir, `${source.name}-`));
  try {
    const files = [];
    for (const official of source.urls) {
      const url = mirrored(official, options.mirror);
      const path = join(dir, official.slice(official.lastIndexOf('/') + 1));
      try {
        await download(url, path, options);
      } catch (err) {
        const kept = previous ? `; still serving ${describe(previous)}` : '; no earlier version to serve';
        return await report(previous ? 'kept-last-good' : 'failed', `download of ${url} failed: ${(err as Error).message}${kept}`, previous);
      }
      files.push({ ...fileSource(path), name: url });
    }
    const sha256 = await digestFiles(files);
    if (previous?.sha256 === sha256) {
      return await report('unchanged', `${source.title}: the published files are unchanged since ${describe(previous)}`, previous);
    }
    let parsed;
    try {
      parsed = await parseGroup({ spec, files }, { progress: options.progress, sourceUrl: source.urls[0] });
    } catch (err) {
      const kept = previous ? `; still serving ${describe(previous)}` : '';
      const outcome = previous ? 'kept-last-good' : 'failed';
      const why = err instanceof CounterflowError ? err.message : `unexpected parser failure: ${(err as Error).message}`;
      return await report(outcome, `the new ${source.title} could not be read: ${why}${kept}`, previous);
    }
    const targets = countEntries(parsed.entities);
    const maxShrink = options.maxShrink ?? 0.1;
    if (previous && !options.force && targets < previous.targetCount * (1 - maxShrink)) {
      const lost = 1 - targets / previous.targetCount;
      return await report(
        'kept-last-good',
        `the new ${source.title} lists ${targets} entries against ${previous.targetCount} before (${(lost * 100).toFixed(1)}% fewer, more than the ${(maxShrink * 100).toFixed(0)}% allowed); still serving ${describe(previous)}. Use --force to accept it.`,
        previous,
      );
    }
    const version = await store.addListVersion(
      {
        list: source.list,
        format: parsed.format,
        publishedAt: parsed.publishedAt,
        sourceUrl: source.urls[0] ?? null,
        sha256,
        note: parsed.warnings.length ? `${parsed.warnings.length} warnings while reading` : null,
        entities: parsed.entities,
        stats: computeListStats(parsed.entities),
      },
      { activate: true },
    );
    return await report('updated', `${source.title}: now serving ${describe(version)}`, version);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function describe(v: ListVersion): string {
  const published = v.publishedAt ? `published ${v.publishedAt.slice(0, 10)}` : `loaded ${v.loadedAt.slice(0, 10)}`;
  return `${v.list}@${v.seq} (${published}, ${v.targetCount} entries)`;
}

async function download(url: string, path: string, options: UpdateOptions): Promise<void> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const response = await fetchImpl(url, { signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) }).catch((err: Error) => {
    const cause = (err.cause as Error | undefined)?.message;
    throw new Error(cause ? `${err.message} (${cause})` : err.message);
  });
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let seen = 0;
  const limited = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>).on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > max) limited.destroy(new Error(`larger than ${max} bytes`));
  });
  await pipeline(limited, createWriteStream(path));
}
