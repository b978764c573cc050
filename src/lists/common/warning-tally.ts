/** How a repeated warning says how often it occurred: ` (3×, first here)`. */
export const REPEATS_FIRST_HERE = (count: number): string => ` (${count}×, first here)`;

/**
 * Collects what a parser read but could not map. The same message from many records is reported once,
 * with how often it occurred and the line it first occurred on, so a systematic gap does not flood
 * the user. `repeats` words the count of a repeated message.
 *
 * @example
 * const tally = new WarningTally();
 * tally.add('unknown OFAC field type "Library Card"', 120);
 * tally.add('unknown OFAC field type "Library Card"', 130);
 * tally.list('SDN.XML'); // ['SDN.XML:120: unknown OFAC field type "Library Card" (2×, first here)']
 */
export class WarningTally {
  private readonly entries = new Map<string, { line: number; count: number }>();

  constructor(private readonly repeats: (count: number) => string = REPEATS_FIRST_HERE) {}

  add(message: string, line: number): void {
    const entry = this.entries.get(message);
    if (entry) entry.count++;
    else this.entries.set(message, { line, count: 1 });
  }

  /** Each message once, in first-seen order, as `file:line: message`. */
  list(file: string): string[] {
    return [...this.entries].map(([message, { line, count }]) => `${file}:${line}: ${message}${count > 1 ? this.repeats(count) : ''}`);
  }
}
