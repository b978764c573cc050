/**
 * Saves text or a Blob as a file through the browser's download.
 *
 * @example
 * saveFile(batchOutputCsv(results), 'screening-results.csv', 'text/csv');
 */
export function saveFile(content: Blob | string, fileName: string, type = 'application/octet-stream'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
