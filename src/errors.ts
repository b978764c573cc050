/**
 * Errors a user can act on. The CLI prints `message` without a stack trace;
 * anything that is not a CounterflowError is a bug and is reported as such.
 */
export class CounterflowError extends Error {
  override readonly name: string = 'CounterflowError';
}

/** Bad input: names the file (or source), the line and the field when they are known. */
export class InputError extends CounterflowError {
  override readonly name: string = 'InputError';
  constructor(
    readonly source: string,
    readonly detail: string,
    readonly line?: number,
    readonly field?: string,
  ) {
    super(formatLocation(source, line, field) + detail);
  }
}

function formatLocation(source: string, line?: number, field?: string): string {
  let where = source;
  if (line !== undefined) where += `:${line}`;
  if (field) where += ` (${field})`;
  return `${where}: `;
}
