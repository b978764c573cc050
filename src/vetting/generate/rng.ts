/**
 * A small seeded random number generator (SplitMix32) with the helpers the population generator
 * needs. Deterministic across platforms: the same seed gives the same population.
 */
export class Rng {
  private state: number;

  constructor(...seeds: number[]) {
    let s = 0x9e3779b9;
    for (const x of seeds) s = mix(s ^ mix(x >>> 0));
    this.state = s >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight: `weighted([['a', 3], ['b', 1]])` gives 'a' three times as often. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }

  /** 16 hex digits. */
  hex64(): string {
    let s = '';
    for (let i = 0; i < 2; i++) s += (Math.floor(this.next() * 4294967296) >>> 0).toString(16).padStart(8, '0');
    return s;
  }
}

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Flips `bits` distinct random bits of a 16-hex-digit hash. */
export function flipBits(hex: string, bits: number, rng: Rng): string {
  let hi = parseInt(hex.slice(0, 8), 16) >>> 0;
  let lo = parseInt(hex.slice(8), 16) >>> 0;
  const used = new Set<number>();
  while (used.size < bits) used.add(rng.int(0, 63));
  for (const b of used) {
    if (b < 32) lo = (lo ^ (1 << b)) >>> 0;
    else hi = (hi ^ (1 << (b - 32))) >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
