/**
 * Internal. The line that tells a student why a score can be above its
 * maximum: with extra credit, a result's maximum leaves the bonus exercises
 * out. Read from the result alone, so pages built later say the same.
 */
interface Graded {
  max_score: number;
  exercises: { bonus: boolean; max_score: number }[];
}

/** "Bonus exercises are extra credit: up to 25 points on top of the 95.", when they are. */
export function extraCreditNote(result: Graded): string | undefined {
  const bonus = result.exercises.filter((e) => e.bonus).reduce((s, e) => s + e.max_score, 0);
  const required = result.exercises.filter((e) => !e.bonus).reduce((s, e) => s + e.max_score, 0);
  if (bonus === 0 || required !== result.max_score) return undefined;
  return `Bonus exercises are extra credit: up to ${bonus} points on top of the ${required}.`;
}

/**
 * A check's points in words: "65/87 points, plus 21/21 bonus points" with extra credit, the required points out of
 * their maximum and the bonus apart (never "86/87", which hides 22 points lost, nor "93/75"); else "65/87 points".
 */
export function pointsText(result: {
  score: number;
  max_score: number;
  exercises: { bonus: boolean; score: number; max_score: number }[];
}): string {
  if (!extraCreditNote(result)) return `${result.score}/${result.max_score} points`;
  const bonus = result.exercises.filter((e) => e.bonus).reduce((s, e) => s + e.score, 0);
  const bonusMax = result.exercises.filter((e) => e.bonus).reduce((s, e) => s + e.max_score, 0);
  return `${result.score - bonus}/${result.max_score} points, plus ${bonus}/${bonusMax} bonus points`;
}
