/**
 * JSON with exact numbers. `JSON.parse` turns 7056176614974947328 (an ethereum-etl token value) into
 * 7056176614974947000 and 0.1 BTC into a binary fraction; this keeps such numbers as their source text.
 * Safe integers stay plain numbers, so ordinary documents parse at `JSON.parse` speed.
 */

/** A number whose text cannot round-trip through a double (or has a fraction/exponent). */
export class JsonNumber {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type JsonValue = null | boolean | number | string | JsonNumber | JsonValue[] | { [key: string]: JsonValue };

/**
 * Parses JSON text, keeping every number that is not a safe integer as a JsonNumber. Throws SyntaxError.
 *
 * @example
 * parseJsonLossless('{"value": 7056176614974947328}') // { value: JsonNumber { text: '7056176614974947328' } }
 */
export function parseJsonLossless(text: string): JsonValue {
  // A fraction or exponent may round to an integer double (20999999.999999999 → 21000000): parse those exactly.
  if (!MAYBE_FRACTION.test(text)) {
    const quick = JSON.parse(text) as JsonValue;
    if (allNumbersSafe(quick)) return quick;
  }
  return new LosslessParser(text).parseDocument();
}

const MAYBE_FRACTION = /(?:^|[:[,])\s*-?\d+[.eE]/;

function allNumbersSafe(value: JsonValue): boolean {
  if (typeof value === 'number') return Number.isSafeInteger(value);
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const v of value) if (!allNumbersSafe(v)) return false;
    return true;
  }
  for (const key in value) if (!allNumbersSafe((value as Record<string, JsonValue>)[key]!)) return false;
  return true;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class LosslessParser {
  private i = 0;
  constructor(private readonly s: string) {}

  parseDocument(): JsonValue {
    const v = this.value();
    this.ws();
    if (this.i !== this.s.length) this.fail('unexpected text after the JSON value');
    return v;
  }

  private fail(msg: string): never {
    throw new SyntaxError(`${msg} at position ${this.i}`);
  }

  private ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.i++;
      else break;
    }
  }

  private value(): JsonValue {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === 't' && this.s.startsWith('true', this.i)) return (this.i += 4), true;
    if (c === 'f' && this.s.startsWith('false', this.i)) return (this.i += 5), false;
    if (c === 'n' && this.s.startsWith('null', this.i)) return (this.i += 4), null;
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.s);
    if (!m) this.fail('unexpected character');
    this.i += m[0].length;
    const n = Number(m[0]);
    return Number.isSafeInteger(n) && /^-?\d+$/.test(m[0]) ? n : new JsonNumber(m[0]);
  }

  private object(): JsonValue {
    const out: Record<string, JsonValue> = {};
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') return this.i++, out;
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('expected a property name');
      const key = this.string();
      this.ws();
      if (this.s[this.i] !== ':') this.fail('expected ":"');
      this.i++;
      // defineProperty: a "__proto__" key stays an own field instead of replacing the prototype.
      Object.defineProperty(out, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.ws();
      const c = this.s[this.i++];
      if (c === '}') return out;
      if (c !== ',') this.fail('expected "," or "}"');
    }
  }

  private array(): JsonValue {
    const out: JsonValue[] = [];
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') return this.i++, out;
    for (;;) {
      out.push(this.value());
      this.ws();
      const c = this.s[this.i++];
      if (c === ']') return out;
      if (c !== ',') this.fail('expected "," or "]"');
    }
  }

  private string(): string {
    const start = this.i;
    this.i++;
    let escaped = false;
    for (; this.i < this.s.length; this.i++) {
      const c = this.s.charCodeAt(this.i);
      if (c === 92) {
        escaped = true;
        this.i++;
      } else if (c === 34) {
        this.i++;
        const raw = this.s.slice(start, this.i);
        return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      }
    }
    return this.fail('unterminated string');
  }
}

/**
 * An exact non-negative integer from a JSON value: a safe number, an integer JsonNumber, or a decimal or
 * 0x-hex string. Undefined otherwise (fractions, negatives, garbage).
 *
 * @example
 * jsonToBigInt(new JsonNumber('7056176614974947328')) // 7056176614974947328n
 */
export function jsonToBigInt(value: JsonValue | undefined): bigint | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? BigInt(value) : undefined;
  const text = value instanceof JsonNumber ? value.text : typeof value === 'string' ? value : undefined;
  if (text === undefined) return undefined;
  if (/^\d+$/.test(text)) return BigInt(text);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return BigInt(text);
  return undefined;
}

/** The decimal text of a JSON number (`50.0`, `0.01`) or numeric string; undefined for anything else. */
export function jsonToDecimalText(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (value instanceof JsonNumber) return value.text;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return value;
  return undefined;
}

/** A safe non-negative integer from a JSON value (block numbers, indexes). */
export function jsonToSafeInteger(value: JsonValue | undefined): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  return undefined;
}

export function isJsonObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof JsonNumber);
}
