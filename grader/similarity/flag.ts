/**
 * Internal. The similarity at and above which a pair of submissions is
 * flagged for the TA's look, over the pooled figure. It comes from the
 * calibration (`npm run similarity:calibrate`, figures in the README): above
 * every pair of independently written solutions, below every disguised copy.
 */
export const SIMILARITY_THRESHOLD = 0.6;
