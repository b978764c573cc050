import { InvalidArgumentError } from 'commander';
import { ALGORITHMS, type Algorithm } from '../../screening/types.js';

/**
 * Commander parser for a number in [min, max]; a bad value is a usage error (exit 2).
 *
 * @example
 * program.option('--threshold <t>', 'match threshold', numberOption(0, 1));
 */
export function numberOption(min: number, max: number, integer = false): (value: string) => number {
  return (value) => {
    const n = Number(value.trim());
    if (value.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
      throw new InvalidArgumentError(`expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
    }
    return n;
  };
}

/**
 * Commander parser for `--algorithm`: `logic` (also yente's `best` / `logic-v2`) or `ofac`.
 *
 * @example
 * program.option('--algorithm <a>', 'scorer', algorithmOption, 'logic');
 */
export function algorithmOption(value: string): Algorithm {
  const v = value.trim().toLowerCase();
  if (v === 'best' || v === 'logic-v2') return 'logic';
  if ((ALGORITHMS as readonly string[]).includes(v)) return v as Algorithm;
  throw new InvalidArgumentError(`use one of: ${ALGORITHMS.join(', ')} (best and logic-v2 mean logic)`);
}
