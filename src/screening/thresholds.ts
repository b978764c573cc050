/**
 * Decision thresholds, chosen by validation on labelled pairs generated from the public lists
 * (src/screening/validation/, figures in docs/screening.md).
 *
 * - `MATCH_THRESHOLD`: at or above it a result is a match (`match: true`).
 * - `REVIEW_THRESHOLD`: from it up to the match threshold a reviewer should look (`review: true`);
 *   below it results are dropped by default.
 * The OFAC emulation has its own pair, on its own scale.
 */
export const MATCH_THRESHOLD = 0.8;
export const REVIEW_THRESHOLD = 0.6;
export const OFAC_MATCH_THRESHOLD = 0.93;
export const OFAC_REVIEW_THRESHOLD = 0.85;
