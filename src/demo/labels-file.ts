import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { LABEL_CATEGORIES, type Label } from '../tracing/labels/label.js';

const labelSchema = z.object({
  address: z.string().min(1),
  category: z.enum(LABEL_CATEGORIES),
  name: z.string().min(1),
  origin: z.string().min(1),
  confidence: z.number().min(0).max(100),
  source: z.string().optional(),
  detail: z.string().optional(),
});
const labelsFile = z.object({ labels: z.array(labelSchema) });

/**
 * Reads a labels file in the user-labels format (`{labels: [{address, category, name, origin,
 * confidence, source?, detail?}]}`); a malformed one is an InputError naming the file and field.
 *
 * @example
 * const labels = readLabelsFile('demo/chain/demo-labels.json');
 */
export function readLabelsFile(file: string): Label[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InputError(file, `not readable as JSON: ${(err as Error).message}`);
  }
  const parsed = labelsFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(file, issue.message, undefined, issue.path.map(String).join('.') || undefined);
  }
  return parsed.data.labels;
}
