/** What every scoring feature returns: its own score in [0, 1] and a sentence a reviewer can read. */
export interface FeatureResult {
  score: number;
  /** Empty when the caller did not ask for explanations (ranking pass). */
  detail: string;
  /** The query value the feature looked at, when there is one. */
  query?: string;
  /** The listed value it was compared with. */
  candidate?: string;
}

/** A feature that did not apply (missing data on either side). */
export const NOT_APPLICABLE: Readonly<FeatureResult> = Object.freeze({ score: 0, detail: '' });
