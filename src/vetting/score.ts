/**
 * Scores and actions. Each fired rule removes its weight's share of the remaining doubt:
 * score = 100 × (1 − Π(1 − weight)). Independent weak flags add up slowly (three low flags: 27),
 * strong ones quickly (one sanctions match: 90), and no number of flags exceeds 100.
 */
export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';
export type Action = 'none' | 'verify' | 'escalate' | 'block';

/** Lowest score of each level. */
export const LEVEL_FLOORS: Readonly<Record<RiskLevel, number>> = { critical: 75, high: 50, medium: 25, low: 0 };

/** What each recommended action asks a reviewer to do. */
export const ACTION_TEXT: Readonly<Record<Action, string>> = {
  block: 'Block: do not hire, onboard or pay; report to the sanctions authority if a listed person or wallet is involved',
  escalate: 'Escalate to compliance / security review before any further step',
  verify: 'Verify live on camera with the identity document (and check the document against its issuer)',
  none: 'No action: nothing on file calls for it',
};

/**
 * Combines fired rule weights into a 0–100 score.
 *
 * @example
 * scoreOf([0.35, 0.2]); // 48
 */
export function scoreOf(weights: readonly number[]): number {
  let keep = 1;
  for (const w of weights) keep *= 1 - Math.min(1, Math.max(0, w));
  return Math.round((1 - keep) * 100);
}

/**
 * @example
 * levelOf(48); // 'medium'
 */
export function levelOf(score: number): RiskLevel {
  if (score >= LEVEL_FLOORS.critical) return 'critical';
  if (score >= LEVEL_FLOORS.high) return 'high';
  if (score >= LEVEL_FLOORS.medium) return 'medium';
  return 'low';
}

/**
 * The recommended action: block on a blocking rule (a sanctions match) or a critical score;
 * escalate at high; verify live on camera with the document at medium; nothing below.
 *
 * @example
 * actionOf(60, false); // 'escalate'
 */
export function actionOf(score: number, blocking: boolean): Action {
  if (blocking || score >= 85) return 'block';
  if (score >= LEVEL_FLOORS.high) return 'escalate';
  if (score >= LEVEL_FLOORS.medium) return 'verify';
  return 'none';
}
