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
