import { slugId } from '../../ftm/entity.js';
import type { WorkerRecord } from '../input/record.js';
import { hash64 } from './hash64.js';
import { forEachIdentifier, identifierKeys } from './identifiers.js';
import { KeyIndex, type KeyIndexParts } from './key-index.js';
import { LINK_KIND_NAMES, LINK_KINDS, RING_THRESHOLD, type LinkKind } from './kinds.js';
import { MinHashIndex, type MinHashParts } from './minhash.js';
import { PhotoIndex } from './photo-index.js';
import { UnionFind } from './union-find.js';

/** A builder's contents as ids and typed arrays: what a worker thread sends back. */
export interface LinkBuilderParts {
  ids: string[];
  exact: KeyIndexParts[];
  photos: { hi: Uint32Array; lo: Uint32Array; rec: Uint32Array };
  resumes: MinHashParts;
  templates: MinHashParts;
}

/** The parts of a record the linker reads. */
export type LinkInput = Pick<
  WorkerRecord,
  'emails' | 'phones' | 'claimedCountry' | 'paymentAccounts' | 'address' | 'shippingAddresses' | 'devices' | 'logins' | 'documents' | 'photoHash' | 'profiles' | 'resumeText' | 'platform'
>;

export interface LinkOptions {
  /** Link strength at which two records join one ring (default {@link RING_THRESHOLD}). */
  threshold?: number;
  /** Largest Hamming distance between two photo hashes that still links them (default 3 of 64 bits; 4–7 cost about 17 times more). */
  photoRadius?: number;
  /** Smallest estimated Jaccard similarity of two résumés / bid texts that links them (default 0.6). */
  textSimilarity?: number;
}

/** One identifier value held by several records. */
export interface SharedGroup {
  index: number;
  kind: LinkKind;
  members: number[];
  /** More records than the kind's cap share it (an office NAT, a co-working address): it links nobody by itself when the kind's cap rule is `drop`. */
  common: boolean;
  /** Addresses: the members that ship here without living here. */
  dropMembers?: number[];
}

/** Why two records are linked: one shared identifier or one similarity. */
export interface LinkEvidence {
  kind: LinkKind;
  /** The weight this piece of evidence contributed. */
  weight: number;
  /** Exact-value kinds: the shared group. */
  group?: number;
  /** Photos: Hamming distance of the two hashes. */
  distance?: number;
  /** Texts: estimated Jaccard similarity. */
  similarity?: number;
}

export interface RecordLink {
  a: number;
  b: number;
  /** 1 − Π(1 − weight) over the kinds the pair shares (each kind once, at its strongest). */
  strength: number;
  evidence: LinkEvidence[];
}

export interface Ring {
  id: string;
  /** Record indices, ascending. */
  members: number[];
  /** The links at or above the threshold that hold the ring together. */
  links: RecordLink[];
}

const KIND_INDEX = new Map(LINK_KIND_NAMES.map((k, i) => [k, i]));

/**
 * Builds the link graph of a population: records are added one at a time (their identifiers are
 * hashed into typed-array indexes and the record itself is not kept), then {@link build} groups equal
 * identifiers (blocking by key: never all pairs), finds near-duplicate photos (multi-index hashing)
 * and texts (MinHash LSH), scores each linked pair, and joins pairs at or above the threshold into
 * rings with union-find.
 *
 * @example
 * const builder = new LinkGraphBuilder();
 * for (const r of records) builder.add(r.id, r);
 * const graph = builder.build();
 * graph.rings; // [{ id: 'ring-w-17', members: [3, 17, 40], links: [...] }]
 */
export class LinkGraphBuilder {
  private readonly ids: string[] = [];
  private readonly exact = LINK_KIND_NAMES.map(() => new KeyIndex());
  private readonly photos = new PhotoIndex();
  private readonly resumes = new MinHashIndex();
  private readonly templates = new MinHashIndex();
  private readonly scratch = new Uint32Array(2);

  constructor(private readonly options: LinkOptions = {}) {}

  get size(): number {
    return this.ids.length;
  }

  /** Everything added so far, as ids and typed arrays (to send from a worker thread to {@link mergeParts}). */
  exportParts(): LinkBuilderParts {
    return {
      ids: this.ids,
      exact: this.exact.map((k) => k.exportParts()),
      photos: this.photos.exportParts(),
      resumes: this.resumes.exportParts(),
      templates: this.templates.exportParts(),
    };
  }

  /**
   * Appends the records another builder (e.g. one per worker thread, each over a slice of the
   * population) added, after the ones already here: their record numbers shift by this builder's
   * size.
   */
  mergeParts(parts: LinkBuilderParts): void {
    const offset = this.ids.length;
    for (const id of parts.ids) this.ids.push(id);
    parts.exact.forEach((p, k) => this.exact[k]!.appendParts(p, offset));
    this.photos.appendParts(parts.photos, offset);
    this.resumes.appendParts(parts.resumes, offset);
    this.templates.appendParts(parts.templates, offset);
  }

  add(id: string, record: LinkInput): number {
    const index = this.ids.length;
    this.ids.push(id);
    forEachIdentifier(record as WorkerRecord, (kind, key, drop) => {
      hash64(key, this.scratch);
      this.exact[KIND_INDEX.get(kind)!]!.add(this.scratch[0]!, this.scratch[1]!, index, drop ? 1 : 0);
    });
    if (record.photoHash) this.photos.add(index, record.photoHash);
    for (const p of record.profiles) if (p.photoHash && p.photoHash !== record.photoHash) this.photos.add(index, p.photoHash);
    for (const d of record.documents) if (d.imageHash && d.imageHash !== record.photoHash) this.photos.add(index, d.imageHash);
    if (record.resumeText) this.resumes.add(index, record.resumeText);
    const bids = record.platform?.bidTexts ?? [];
    if (bids.length) this.templates.add(index, bids.join('\n'));
    return index;
  }

  build(resolve?: (record: number) => LinkInput): LinkGraph {
    const timings: Record<string, number> = {};
    let stageStart = performance.now();
    const stage = (name: string) => {
      const now = performance.now();
      timings[name] = Math.round(now - stageStart);
      stageStart = now;
    };
    const n = this.ids.length;
    const threshold = this.options.threshold ?? RING_THRESHOLD;
    const groups: SharedGroup[] = [];
    const groupHashes: [number, number][] = [];
    const pairs = new PairStore();
    const warnings: string[] = [];
    const commonCounts = new Map<LinkKind, number>();
    const DROP = KIND_INDEX.get('drop')!;
    const dropWeight = LINK_KINDS.drop.weight;

    LINK_KIND_NAMES.forEach((kind, k) => {
      const weight = LINK_KINDS[kind].weight;
      this.exact[k]!.groups((members, lo, hi, tags) => {
        // An address some members ship to without living there is a drop address: stronger, and laptop farms are large.
        const hasDrop = kind === 'address' && tags.some((t) => t === 1);
        const spec = LINK_KINDS[hasDrop ? 'drop' : kind];
        const common = members.length > spec.maxGroup;
        const g = groups.length;
        const group: SharedGroup = { index: g, kind, members, common };
        if (hasDrop) group.dropMembers = members.filter((_, i) => tags[i] === 1);
        groups.push(group);
        groupHashes.push([lo, hi]);
        if (common) {
          commonCounts.set(hasDrop ? 'drop' : kind, (commonCounts.get(hasDrop ? 'drop' : kind) ?? 0) + 1);
          if (spec.overCap === 'drop') return;
          for (let i = 1; i < members.length; i++) {
            const drop = hasDrop && (tags[0] === 1 || tags[i] === 1);
            pairs.add(members[0]!, members[i]!, drop ? DROP : k, drop ? dropWeight : weight, g, 0);
          }
          return;
        }
        for (let i = 0; i < members.length; i++) {
          for (let j = i + 1; j < members.length; j++) {
            const drop = hasDrop && (tags[i] === 1 || tags[j] === 1);
            pairs.add(members[i]!, members[j]!, drop ? DROP : k, drop ? dropWeight : weight, g, 0);
          }
        }
      });
    });
    stage('exactGroupsMs');
    for (const [kind, count] of commonCounts) {
      const spec = LINK_KINDS[kind];
      warnings.push(
        `${count} ${spec.label} value(s) are shared by more than ${spec.maxGroup} records` +
          (spec.overCap === 'drop' ? ' (shared exits, offices or buildings): they link nobody by themselves' : ': each links its records through one hub record'),
      );
    }

    const similar: SimilarEdge[] = [];
    const radius = this.options.photoRadius ?? 3;
    const PHOTO = KIND_INDEX.get('photo')!;
    this.photos.pairs(radius, (a, b, distance) => {
      pairs.add(a, b, PHOTO, LINK_KINDS.photo.weight * (1 - distance / (2 * (radius + 1))), -1, distance);
      similar.push({ a, b, kind: 'photo', distance, similarity: 1 - distance / 64 });
    });
    stage('photoPairsMs');
    const minSim = this.options.textSimilarity ?? 0.6;
    for (const [kind, index] of [['resume', this.resumes], ['template', this.templates]] as const) {
      const k = KIND_INDEX.get(kind)!;
      index.pairs(
        minSim,
        (a, b, similarity) => {
          pairs.add(a, b, k, LINK_KINDS[kind].weight * similarity, -1, similarity);
          similar.push({ a, b, kind, similarity });
        },
        LINK_KINDS[kind].maxGroup,
      );
      if (index.skippedBuckets) warnings.push(`${index.skippedBuckets} ${LINK_KINDS[kind].label} LSH bucket(s) held more than ${LINK_KINDS[kind].maxGroup} records (boilerplate) and were not compared`);
    }
    stage('textPairsMs');

    const strengths = pairs.strengths();
    const uf = new UnionFind(n);
    const strong: number[] = [];
    for (let p = 0; p < pairs.count; p++) {
      if (strengths[p]! >= threshold - 1e-9) {
        uf.union(pairs.a[p]!, pairs.b[p]!);
        strong.push(p);
      }
    }
    stage('scoringAndUnionMs');

    const ringOf = new Int32Array(n).fill(-1);
    const rings: Ring[] = [];
    const rootToRing = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      if (uf.setSize(i) < 2) continue;
      const root = uf.find(i);
      let r = rootToRing.get(root);
      if (r === undefined) {
        r = rings.length;
        rootToRing.set(root, r);
        rings.push({ id: '', members: [], links: [] });
      }
      rings[r]!.members.push(i);
      ringOf[i] = r;
    }
    for (const p of strong) rings[ringOf[pairs.a[p]!]!]!.links.push(pairs.link(p, strengths[p]!));
    for (const ring of rings) {
      let first = this.ids[ring.members[0]!]!;
      for (const m of ring.members) if (this.ids[m]! < first) first = this.ids[m]!;
      ring.id = `ring-${slugId(first) || ring.members[0]}`;
      ring.links.sort((x, y) => y.strength - x.strength || x.a - y.a || x.b - y.b);
    }
    rings.sort((x, y) => y.members.length - x.members.length || (x.id < y.id ? -1 : 1));
    rings.forEach((ring, r) => {
      for (const m of ring.members) ringOf[m] = r;
    });
    stage('ringsMs');
    return new LinkGraph(this.ids, groups, groupHashes, pairs, strengths, similar, rings, ringOf, threshold, warnings, timings, resolve);
  }
}

/**
 * Linked pairs and their evidence in typed arrays (a pair is two numbers and a list head; a piece
 * of evidence is a kind, a weight, a group or a measured value): a million-record population has
 * about a million pairs, which as objects would cost the garbage collector dearly.
 */
class PairStore {
  private readonly index = new Map<number, number>();
  a = new Uint32Array(1024);
  b = new Uint32Array(1024);
  private head = new Int32Array(1024);
  count = 0;
  private evKind = new Uint8Array(2048);
  private evWeight = new Float64Array(2048);
  private evGroup = new Int32Array(2048);
  private evValue = new Float32Array(2048);
  private evNext = new Int32Array(2048);
  private evCount = 0;

  add(x: number, y: number, kind: number, weight: number, group: number, value: number): void {
    if (x === y) return;
    const lo = x < y ? x : y;
    const hi = x < y ? y : x;
    const key = lo * 4194304 + hi;
    let p = this.index.get(key);
    if (p === undefined) {
      p = this.count++;
      if (p === this.a.length) {
        this.a = grow(this.a);
        this.b = grow(this.b);
        this.head = grow(this.head);
      }
      this.a[p] = lo;
      this.b[p] = hi;
      this.head[p] = -1;
      this.index.set(key, p);
    }
    const e = this.evCount++;
    if (e === this.evKind.length) {
      this.evKind = grow(this.evKind);
      this.evWeight = grow(this.evWeight);
      this.evGroup = grow(this.evGroup);
      this.evValue = grow(this.evValue);
      this.evNext = grow(this.evNext);
    }
    this.evKind[e] = kind;
    this.evWeight[e] = weight;
    this.evGroup[e] = group;
    this.evValue[e] = value;
    this.evNext[e] = this.head[p]!;
    this.head[p] = e;
  }

  /** Each pair's strength: 1 − Π(1 − w) over its kinds, each kind at its strongest evidence. */
  strengths(): Float64Array {
    const out = new Float64Array(this.count);
    const best = new Float64Array(LINK_KIND_NAMES.length);
    for (let p = 0; p < this.count; p++) {
      best.fill(0);
      for (let e = this.head[p]!; e !== -1; e = this.evNext[e]!) if (this.evWeight[e]! > best[this.evKind[e]!]!) best[this.evKind[e]!] = this.evWeight[e]!;
      let keep = 1;
      for (let k = 0; k < best.length; k++) keep *= 1 - best[k]!;
      out[p] = 1 - keep;
    }
    return out;
  }

  link(p: number, strength: number): RecordLink {
    const evidence: LinkEvidence[] = [];
    for (let e = this.head[p]!; e !== -1; e = this.evNext[e]!) {
      const kind = LINK_KIND_NAMES[this.evKind[e]!]!;
      const ev: LinkEvidence = { kind, weight: Math.round(this.evWeight[e]! * 1e6) / 1e6 };
      if (this.evGroup[e]! >= 0) ev.group = this.evGroup[e]!;
      else if (kind === 'photo') ev.distance = this.evValue[e]!;
      else ev.similarity = Math.round(this.evValue[e]! * 1e6) / 1e6;
      evidence.push(ev);
    }
    evidence.reverse();
    return { a: this.a[p]!, b: this.b[p]!, strength: Math.round(strength * 1e6) / 1e6, evidence };
  }
}

function grow<T extends Uint32Array | Int32Array | Uint8Array | Float32Array | Float64Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/** A similarity edge between two records (photos, résumés, bid texts). */
export interface SimilarEdge {
  a: number;
  b: number;
  kind: 'photo' | 'resume' | 'template';
  similarity: number;
  distance?: number;
}

/** The result of {@link LinkGraphBuilder.build}: shared identifiers, scored links and rings. */
export class LinkGraph {
  private readonly groupsByRecord: Map<number, SharedGroup[]> = new Map();
  private readonly pairsByRecord: Map<number, number[]> = new Map();
  private readonly similarByRecord: Map<number, SimilarEdge[]> = new Map();
  private readonly values = new Map<number, string>();
  private indexed = false;
  private allLinks: RecordLink[] | undefined;

  constructor(
    readonly ids: readonly string[],
    readonly groups: readonly SharedGroup[],
    private readonly groupHashes: readonly [number, number][],
    private readonly pairs: PairStore,
    private readonly strengths: Float64Array,
    readonly similar: readonly SimilarEdge[],
    readonly rings: readonly Ring[],
    private readonly ringIndex: Int32Array,
    readonly threshold: number,
    readonly warnings: string[],
    /** Milliseconds spent in each stage of {@link LinkGraphBuilder.build}. */
    readonly timings: Readonly<Record<string, number>>,
    private readonly resolve?: (record: number) => LinkInput,
  ) {}

  /** Number of linked pairs (any strength). */
  get linkCount(): number {
    return this.pairs.count;
  }

  /** Every linked pair with its evidence (made on first use: a large population has millions). */
  get links(): readonly RecordLink[] {
    this.allLinks ??= Array.from({ length: this.pairs.count }, (_, p) => this.pairs.link(p, this.strengths[p]!));
    return this.allLinks;
  }

  private index(): void {
    if (this.indexed) return;
    this.indexed = true;
    const push = <T>(map: Map<number, T[]>, k: number, v: T) => {
      const list = map.get(k);
      if (list) list.push(v);
      else map.set(k, [v]);
    };
    for (const g of this.groups) for (const m of g.members) push(this.groupsByRecord, m, g);
    for (let p = 0; p < this.pairs.count; p++) {
      push(this.pairsByRecord, this.pairs.a[p]!, p);
      push(this.pairsByRecord, this.pairs.b[p]!, p);
    }
    for (const s of this.similar) {
      push(this.similarByRecord, s.a, s);
      push(this.similarByRecord, s.b, s);
    }
  }

  /** Identifier values this record shares with other records. */
  groupsOf(record: number): readonly SharedGroup[] {
    this.index();
    return this.groupsByRecord.get(record) ?? [];
  }

  /** Every link of this record (any strength), strongest first. */
  linksOf(record: number): readonly RecordLink[] {
    this.index();
    return (this.pairsByRecord.get(record) ?? []).map((p) => this.pairs.link(p, this.strengths[p]!)).sort((x, y) => y.strength - x.strength);
  }

  /** Near-duplicate photos and texts of this record. */
  similarOf(record: number): readonly SimilarEdge[] {
    this.index();
    return this.similarByRecord.get(record) ?? [];
  }

  ringOf(record: number): Ring | undefined {
    const r = this.ringIndex[record];
    return r === undefined || r < 0 ? undefined : this.rings[r];
  }

  /**
   * The shared value of a group, as normalised for matching (e.g. `jdoe@gmail.com`, `+14155550100`);
   * `#hash` when the graph was built without a way to read records back.
   */
  valueOf(group: SharedGroup): string {
    let v = this.values.get(group.index);
    if (v !== undefined) return v;
    const [lo, hi] = this.groupHashes[group.index]!;
    v = `#${hi.toString(16).padStart(8, '0')}${lo.toString(16).padStart(8, '0')}`;
    const record = this.resolve?.(group.members[0]!);
    if (record) {
      const scratch = new Uint32Array(2);
      for (const { kind, key } of identifierKeys(record as WorkerRecord)) {
        if (kind !== group.kind) continue;
        hash64(key, scratch);
        if (scratch[0] === lo && scratch[1] === hi) {
          v = key;
          break;
        }
      }
    }
    this.values.set(group.index, v);
    return v;
  }

  /** A sentence naming what a link shares, e.g. "payout account iban:DE89… and IP address 203.0.113.7". */
  describeLink(link: RecordLink): string {
    const parts: string[] = [];
    const seen = new Set<string>();
    for (const ev of [...link.evidence].sort((x, y) => y.weight - x.weight)) {
      let text: string;
      if (ev.group !== undefined) text = `${LINK_KINDS[ev.kind].label} ${this.valueOf(this.groups[ev.group]!)}`;
      else if (ev.distance !== undefined) text = `${LINK_KINDS[ev.kind].label} within ${ev.distance} bits`;
      else text = `${LINK_KINDS[ev.kind].label} ${Math.round((ev.similarity ?? 0) * 100)}% similar`;
      if (seen.has(text)) continue;
      seen.add(text);
      parts.push(text);
    }
    return parts.join(', ');
  }
}
