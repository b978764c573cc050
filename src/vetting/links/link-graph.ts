import { slugId } from '../../ftm/entity.js';
import type { WorkerRecord } from '../input/record.js';
import { hash64 } from './hash64.js';
import { identifierKeys } from './identifiers.js';
import { KeyIndex } from './key-index.js';
import { combineWeights, LINK_KIND_NAMES, LINK_KINDS, RING_THRESHOLD, type LinkKind } from './kinds.js';
import { MinHashIndex } from './minhash.js';
import { PhotoIndex } from './photo-index.js';
import { UnionFind } from './union-find.js';

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

  add(id: string, record: LinkInput): number {
    const index = this.ids.length;
    this.ids.push(id);
    for (const { kind, key, drop } of identifierKeys(record as WorkerRecord)) {
      hash64(key, this.scratch);
      this.exact[KIND_INDEX.get(kind)!]!.add(this.scratch[0]!, this.scratch[1]!, index, drop ? 1 : 0);
    }
    if (record.photoHash) this.photos.add(index, record.photoHash);
    for (const p of record.profiles) if (p.photoHash && p.photoHash !== record.photoHash) this.photos.add(index, p.photoHash);
    for (const d of record.documents) if (d.imageHash && d.imageHash !== record.photoHash) this.photos.add(index, d.imageHash);
    if (record.resumeText) this.resumes.add(index, record.resumeText);
    const bids = record.platform?.bidTexts ?? [];
    if (bids.length) this.templates.add(index, bids.join('\n'));
    return index;
  }

  build(resolve?: (record: number) => LinkInput): LinkGraph {
    const n = this.ids.length;
    const threshold = this.options.threshold ?? RING_THRESHOLD;
    const groups: SharedGroup[] = [];
    const groupHashes: [number, number][] = [];
    const pairs = new Map<number, RecordLink>();
    const warnings: string[] = [];
    const commonCounts = new Map<LinkKind, number>();

    const addEvidence = (a: number, b: number, ev: LinkEvidence) => {
      if (a === b) return;
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      const key = lo * 4194304 + hi;
      let link = pairs.get(key);
      if (!link) {
        link = { a: lo, b: hi, strength: 0, evidence: [] };
        pairs.set(key, link);
      }
      link.evidence.push(ev);
    };

    LINK_KIND_NAMES.forEach((kind, k) => {
      this.exact[k]!.groups((members, lo, hi, tags) => {
        // An address some members ship to without living there is a drop address: stronger, and laptop farms are large.
        const hasDrop = kind === 'address' && tags.some((t) => t === 1);
        const spec = LINK_KINDS[hasDrop ? 'drop' : kind];
        const common = members.length > spec.maxGroup;
        const group: SharedGroup = { index: groups.length, kind, members, common };
        if (hasDrop) group.dropMembers = members.filter((_, i) => tags[i] === 1);
        groups.push(group);
        groupHashes.push([lo, hi]);
        const weightOf = (i: number, j: number): { kind: LinkKind; weight: number } =>
          hasDrop && (tags[i] === 1 || tags[j] === 1) ? { kind: 'drop', weight: LINK_KINDS.drop.weight } : { kind, weight: LINK_KINDS[kind].weight };
        if (common) {
          commonCounts.set(hasDrop ? 'drop' : kind, (commonCounts.get(hasDrop ? 'drop' : kind) ?? 0) + 1);
          if (spec.overCap === 'drop') return;
          for (let i = 1; i < members.length; i++) addEvidence(members[0]!, members[i]!, { ...weightOf(0, i), group: group.index });
          return;
        }
        for (let i = 0; i < members.length; i++) {
          for (let j = i + 1; j < members.length; j++) addEvidence(members[i]!, members[j]!, { ...weightOf(i, j), group: group.index });
        }
      });
    });
    for (const [kind, count] of commonCounts) {
      const spec = LINK_KINDS[kind];
      warnings.push(
        `${count} ${spec.label} value(s) are shared by more than ${spec.maxGroup} records` +
          (spec.overCap === 'drop' ? ' (shared exits, offices or buildings): they link nobody by themselves' : ': each links its records through one hub record'),
      );
    }

    const similar: SimilarEdge[] = [];
    const radius = this.options.photoRadius ?? 3;
    this.photos.pairs(radius, (a, b, distance) => {
      const weight = LINK_KINDS.photo.weight * (1 - distance / (2 * (radius + 1)));
      addEvidence(a, b, { kind: 'photo', weight, distance });
      similar.push({ a, b, kind: 'photo', distance, similarity: 1 - distance / 64 });
    });
    const minSim = this.options.textSimilarity ?? 0.6;
    for (const [kind, index] of [['resume', this.resumes], ['template', this.templates]] as const) {
      index.pairs(minSim, (a, b, similarity) => {
        addEvidence(a, b, { kind, weight: LINK_KINDS[kind].weight * similarity, similarity });
        similar.push({ a, b, kind, similarity });
      }, LINK_KINDS[kind].maxGroup);
      if (index.skippedBuckets) warnings.push(`${index.skippedBuckets} ${LINK_KINDS[kind].label} LSH bucket(s) held more than ${LINK_KINDS[kind].maxGroup} records (boilerplate) and were not compared`);
    }

    const links: RecordLink[] = [];
    const uf = new UnionFind(n);
    for (const link of pairs.values()) {
      const best = new Map<LinkKind, number>();
      for (const ev of link.evidence) best.set(ev.kind, Math.max(best.get(ev.kind) ?? 0, ev.weight));
      link.strength = combineWeights(best.values());
      links.push(link);
      if (link.strength >= threshold - 1e-9) uf.union(link.a, link.b);
    }

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
    for (const link of links) {
      if (link.strength >= threshold - 1e-9) rings[ringOf[link.a]!]!.links.push(link);
    }
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

    return new LinkGraph(this.ids, groups, groupHashes, links, similar, rings, ringOf, threshold, warnings, resolve);
  }
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
  private readonly linksByRecord: Map<number, RecordLink[]> = new Map();
  private readonly similarByRecord: Map<number, SimilarEdge[]> = new Map();
  private readonly values = new Map<number, string>();

  constructor(
    readonly ids: readonly string[],
    readonly groups: readonly SharedGroup[],
    private readonly groupHashes: readonly [number, number][],
    readonly links: readonly RecordLink[],
    readonly similar: readonly SimilarEdge[],
    readonly rings: readonly Ring[],
    private readonly ringIndex: Int32Array,
    readonly threshold: number,
    readonly warnings: string[],
    private readonly resolve?: (record: number) => LinkInput,
  ) {}

  private index(): void {
    if (this.groupsByRecord.size || this.linksByRecord.size || this.similarByRecord.size) return;
    const push = <T>(map: Map<number, T[]>, k: number, v: T) => {
      const list = map.get(k);
      if (list) list.push(v);
      else map.set(k, [v]);
    };
    for (const g of this.groups) for (const m of g.members) push(this.groupsByRecord, m, g);
    for (const l of this.links) {
      push(this.linksByRecord, l.a, l);
      push(this.linksByRecord, l.b, l);
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
    return (this.linksByRecord.get(record) ?? []).slice().sort((x, y) => y.strength - x.strength);
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
