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
