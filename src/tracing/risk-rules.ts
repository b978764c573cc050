import type { LabelCategory } from './labels/label.js';

export type RiskLevel = 'severe' | 'high' | 'medium' | 'low';
export const RISK_ORDER: readonly RiskLevel[] = ['low', 'medium', 'high', 'severe'];

/** One rule: when exposure of this kind to this category reaches the share, the level applies. */
export interface RiskRule {
  category: LabelCategory | '*';
  exposure: 'ownership' | 'direct' | 'indirect';
  /** Smallest share of the address's volume (0–1) that triggers (default 0: any amount). */
  minShare?: number;
  level: RiskLevel;
}

/** Defaults in the spirit of TRM's levels: sanctions and stolen funds owned or direct are severe. */
export const DEFAULT_RISK_RULES: readonly RiskRule[] = [
  { category: 'sanctioned', exposure: 'ownership', level: 'severe' },
  { category: 'stolen_funds', exposure: 'ownership', level: 'severe' },
  { category: 'sanctioned', exposure: 'direct', level: 'severe' },
  { category: 'stolen_funds', exposure: 'direct', level: 'high' },
  { category: 'sanctioned', exposure: 'indirect', minShare: 0.01, level: 'high' },
  { category: 'stolen_funds', exposure: 'indirect', minShare: 0.01, level: 'high' },
  { category: 'sanctioned', exposure: 'indirect', level: 'medium' },
  { category: 'stolen_funds', exposure: 'indirect', level: 'medium' },
  { category: 'mixer', exposure: 'direct', level: 'high' },
  { category: 'mixer', exposure: 'indirect', minShare: 0.05, level: 'medium' },
  { category: 'scam', exposure: 'direct', level: 'high' },
  { category: 'instant_exchanger', exposure: 'direct', level: 'medium' },
  { category: 'gambling', exposure: 'direct', level: 'medium' },
  { category: '*', exposure: 'direct', level: 'low' },
];

/**
 * The highest level any rule gives, with the rules that fired.
 *
 * @example
 * riskLevel([{ category: 'mixer', exposure: 'direct', share: 0.2 }]) // { level: 'high', fired: [...] }
 */
export function riskLevel(
  items: readonly { category: LabelCategory; exposure: RiskRule['exposure']; share: number }[],
  rules: readonly RiskRule[] = DEFAULT_RISK_RULES,
): { level: RiskLevel; fired: { rule: RiskRule; category: LabelCategory; share: number }[] } {
  let level: RiskLevel = 'low';
  const fired: { rule: RiskRule; category: LabelCategory; share: number }[] = [];
  for (const item of items) {
    const rule = rules.find((r) => (r.category === '*' || r.category === item.category) && r.exposure === item.exposure && item.share >= (r.minShare ?? 0));
    if (!rule) continue;
    fired.push({ rule, category: item.category, share: item.share });
    if (RISK_ORDER.indexOf(rule.level) > RISK_ORDER.indexOf(level)) level = rule.level;
  }
  return { level, fired };
}
