/**
 * The identifier kinds records are linked by, with their weights: the probability-like strength a
 * shared value of that kind gives a link on its own. A pair's link strength combines the kinds it
 * shares as 1 − Π(1 − weight) (each kind counted once, at its strongest value), and pairs at or
 * above {@link RING_THRESHOLD} are joined into rings.
 *
 * The weights follow the practice the domain brief cites (Persona; Microsoft Defender Experts):
 * identity documents, devices and payout accounts are "almost always" fraud when two applicants
 * share them; addresses, phones and IPs are shared by families, offices and NAT and need company.
 * With these numbers a shared office IP (0.15), a family's address + home IP (0.49) or a
 * household's address + landline + home IP (0.67) stay below the threshold, while one shared bank
 * account (0.85), device (0.85), document (0.95) or laptop drop address (0.75), or a shared
 * address + résumé template + IP (0.72), reach it.
 */
export const LINK_KINDS = {
  document: { weight: 0.95, label: 'identity document number', maxGroup: 50, overCap: 'star' },
  device: { weight: 0.85, label: 'device id', maxGroup: 50, overCap: 'star' },
  bank: { weight: 0.85, label: 'payout account', maxGroup: 50, overCap: 'star' },
  wallet: { weight: 0.8, label: 'crypto wallet', maxGroup: 50, overCap: 'star' },
  drop: { weight: 0.75, label: 'drop address (shipping address where the person does not live)', maxGroup: 50, overCap: 'star' },
  email: { weight: 0.75, label: 'e-mail address', maxGroup: 50, overCap: 'star' },
  photo: { weight: 0.7, label: 'photo (perceptual hash)', maxGroup: 50, overCap: 'drop' },
  phone: { weight: 0.35, label: 'phone number', maxGroup: 12, overCap: 'drop' },
  resume: { weight: 0.45, label: 'résumé text (MinHash)', maxGroup: 50, overCap: 'drop' },
  address: { weight: 0.4, label: 'postal address', maxGroup: 12, overCap: 'drop' },
  template: { weight: 0.3, label: 'bid / proposal text (MinHash)', maxGroup: 50, overCap: 'drop' },
  ip: { weight: 0.15, label: 'IP address', maxGroup: 16, overCap: 'drop' },
} as const satisfies Record<string, { weight: number; label: string; maxGroup: number; overCap: 'star' | 'drop' }>;

export type LinkKind = keyof typeof LINK_KINDS;

export const LINK_KIND_NAMES = Object.keys(LINK_KINDS) as LinkKind[];

/** Link strength at or above which two records belong to one ring. */
export const RING_THRESHOLD = 0.7;

/** Combines per-kind weights (each kind once) into a link strength. */
export function combineWeights(weights: Iterable<number>): number {
  let keep = 1;
  for (const w of weights) keep *= 1 - w;
  return 1 - keep;
}
