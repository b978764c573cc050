/**
 * Collects what a parser read but could not map. The same message from many records is reported once,
 * with how often it occurred and where it first did, so a systematic gap does not flood the user.
 *
 * @example
 * const log = new WarningLog('consolidated.xml');
 * log.add('country "Atlantis" has no ISO code; kept as written', 120);
 * log.list(); // ['consolidated.xml:120: country "Atlantis" has no ISO code; kept as written']
 */
export class WarningLog {
  private readonly entries = new Map<string, { firstLine: number; count: number }>();

  constructor(private readonly file: string) {}

  add(message: string, line: number): void {
    const entry = this.entries.get(message);
    if (entry) entry.count++;
    else this.entries.set(message, { firstLine: line, count: 1 });
  }

  list(): string[] {
    return [...this.entries].map(([message, { firstLine, count }]) => {
      const times = count > 1 ? ` (${count} times; first shown)` : '';
      return `${this.file}:${firstLine}: ${message}${times}`;
    });
  }
}
