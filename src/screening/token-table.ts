/**
 * Interned name tokens with their comparison features computed once: Korean syllable key,
 * Korean family, Double Metaphone codes, doubled-letter squeeze, name particle class.
 * The index interns every listed token at build time; query tokens are interned on the fly and
 * dropped again when too many have accumulated, so a long-running server does not grow without
 * bound (the token-pair memo is cleared with them).
 */
import { doubleMetaphone } from 'double-metaphone';
import { ownValue } from '../common/own.js';
import { parseRomanisedSyllable, phoneticKeys, surnameFamily } from '../names/index.js';

/**
 * The comparison features of one token. `phonetic` is computed on first use.
 *
 * @example
 * new TokenInfo(0, 'jeong').syllable; // 'CONG'
 */
export class TokenInfo {
  /** Runs of the same letter collapsed: `yyu` → `yu`, `sonng` → `song`. */
  readonly squeezed: string;
  /** Korean syllable key when the token is one romanised Korean syllable (`CONG` for Jong/Jung/Chŏng). */
  readonly syllable: string | null;
  /** Korean family id when the token is a known Korean surname spelling (`리` for Ri/Lee/Yi). */
  readonly family: string | null;
  readonly numeric: boolean;
  /** Name particle class (`bin` for bin/ben/ibn, `al` for al/el/ul …), or null. */
  readonly particle: string | null;
  private phoneticCodes: readonly string[] | undefined;

  constructor(
    readonly id: number,
    /** Comparison text (lower case, apostrophes and diacritics folded). */
    readonly text: string,
  ) {
    const ascii = ASCII_WORD.test(text);
    const short = ascii && text.length <= MAX_SYLLABLE_LENGTH;
    this.squeezed = DOUBLED.test(text) ? text.replace(DOUBLED_ALL, '$1') : text;
    this.syllable = short ? (parseRomanisedSyllable(text)?.key ?? null) : null;
    this.family = short ? surnameFamily(text) : null;
    this.numeric = DIGITS.test(text);
    this.particle = ownValue(PARTICLES, text) ?? (this.squeezed !== text && text.length <= 5 ? doubledArabicParticle(this.squeezed) : null);
  }

  /** Double Metaphone codes (none for tokens of two letters or fewer). */
  get phonetic(): readonly string[] {
    if (this.phoneticCodes === undefined) this.phoneticCodes = ASCII_WORD.test(this.text) ? asciiPhonetic(this.text) : phoneticKeys(this.text);
    return this.phoneticCodes;
  }
}

const DOUBLED = /(.)\1/;
const DOUBLED_ALL = /(.)\1+/g;
const DIGITS = /^\d+$/;

const PARTICLES: Readonly<Record<string, string>> = {
  bin: 'bin', ben: 'bin', ibn: 'bin', bint: 'bin', binti: 'bin', ould: 'bin', walad: 'bin',
  al: 'al', el: 'al', ul: 'al', ol: 'al',
  abu: 'abu', abou: 'abu', abo: 'abu',
  van: 'van', von: 'van', der: 'van', den: 'van',
  de: 'de', da: 'de', di: 'de', del: 'de', della: 'de', dos: 'de', das: 'de', du: 'de', la: 'de', le: 'de',
};

const TRANSIENT_LIMIT = 100_000;

/**
 * The token dictionary of one index.
 *
 * @example
 * const table = new TokenTable();
 * const id = table.intern('jong');
 * table.info(id).syllable; // 'CONG'
 */
export class TokenTable {
  private readonly ids = new Map<string, number>();
  private readonly infos: TokenInfo[] = [];
  private permanent = 0;
  /** Bumped whenever transient tokens are dropped; memos keyed on ids must be cleared then. */
  generation = 0;

  intern(text: string): number {
    const known = this.ids.get(text);
    if (known !== undefined) return known;
    const id = this.infos.length;
    this.infos.push(new TokenInfo(id, text));
    this.ids.set(text, id);
    return id;
  }

  /** The id of a token if it is already known. */
  lookup(text: string): number | undefined {
    return this.ids.get(text);
  }

  info(id: number): TokenInfo {
    const info = this.infos[id];
    if (!info) throw new Error(`unknown token id ${id}`);
    return info;
  }

  get size(): number {
    return this.infos.length;
  }

  /** Marks every token interned so far as permanent (the listed tokens). */
  freeze(): void {
    this.permanent = this.infos.length;
  }

  /** Drops query tokens when too many have accumulated; call between queries, never during one. */
  trim(): void {
    if (this.infos.length - this.permanent < TRANSIENT_LIMIT) return;
    for (const info of this.infos.splice(this.permanent)) this.ids.delete(info.text);
    this.generation++;
  }
}

const ASCII_WORD = /^[a-z]+$/;
const MAX_SYLLABLE_LENGTH = 8;

/** `all` / `binn` typed for al / bin: the Arabic particles with a doubled letter. */
function doubledArabicParticle(squeezed: string): string | null {
  const cls = ownValue(PARTICLES, squeezed);
  return cls === 'al' || cls === 'bin' || cls === 'abu' ? cls : null;
}

// phoneticKeys() without its transliteration step, for tokens already in lower-case ASCII.
function asciiPhonetic(text: string): readonly string[] {
  if (text.length < 3) return [];
  const [primary, alternate] = doubleMetaphone(text);
  if (!primary) return [];
  return alternate && alternate !== primary ? [primary, alternate] : [primary];
}
