/**
 * A problem in a file the user gave, worded like the server's InputError: `file:line (field): detail`,
 * so the same file gets the same message in the browser and from the CLI.
 */
export class FileInputError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly line?: number,
    readonly field?: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}${field ? ` (${field})` : ''}: ${detail}`);
    this.name = 'FileInputError';
  }
}
