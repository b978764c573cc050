import cliProgress from 'cli-progress';
import type { LoadProgress } from '../lists/load.js';

/** Where a command writes: the real terminal, or buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether a progress bar may be drawn (stderr is a terminal). */
  interactive: boolean;
}

export const processIo: CliIo = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  interactive: Boolean(process.stderr.isTTY),
};

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** A byte-based progress bar on stderr; silent when stderr is not a terminal. */
export function progressBar(io: CliIo): LoadProgress | undefined {
  if (!io.interactive) return undefined;
  let bar: cliProgress.SingleBar | undefined;
  return {
    start(label, total) {
      bar = new cliProgress.SingleBar(
        { format: `${label.slice(0, 48).padEnd(48)} [{bar}] {percentage}% {value_mb}/{total_mb} MB`, stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(total, 1), 0, { value_mb: '0.0', total_mb: (total / 1e6).toFixed(1) });
    },
    advance(bytes) {
      bar?.update(bytes, { value_mb: (bytes / 1e6).toFixed(1) });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

/** Progress over a known number of items (rows, queries). */
export interface CountProgress {
  tick(count?: number): void;
  stop(): void;
}

/**
 * A count-based progress bar on stderr; undefined (draw nothing) when stderr is not a terminal.
 *
 * @example
 * const bar = countProgressBar(io, 'screening', rows.length);
 * for (const row of rows) { screen(row); bar?.tick(); }
 * bar?.stop();
 */
export function countProgressBar(io: CliIo, label: string, total: number): CountProgress | undefined {
  if (!io.interactive) return undefined;
  const bar = new cliProgress.SingleBar(
    { format: `${label.slice(0, 32).padEnd(32)} [{bar}] {percentage}% {value}/{total} ETA {eta_formatted}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(total, 1), 0);
  return {
    tick: (count = 1) => bar.increment(count),
    stop: () => bar.stop(),
  };
}

/** Renders rows as an aligned plain-text table. */
export function table(rows: (string | number)[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, String(c).length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => (typeof c === 'number' ? String(c).padStart(widths[i] ?? 0) : String(c).padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
