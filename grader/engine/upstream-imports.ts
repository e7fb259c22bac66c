/**
 * Internal. Which earlier exercises' functions each exercise function calls, as the course's stubs import them: the
 * functions whose mistakes can make a later exercise fail in code that is right. The exercises reached through
 * another are listed too (07's `train` reaches 05's `deltas` through 06's `gradients`). A test checks that every
 * exercise the stubs import from is here.
 */

/** exercise → function → earlier exercise → the functions of it the function relies on. */
export const UPSTREAM_CALLS: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string[]>>>>>> = {
  "06-gradients": {
    gradients: { "04-forward": ["forward"], "05-delta": ["deltas"] },
  },
  "07-gradient-descent": {
    train: { "04-forward": ["forward"], "05-delta": ["deltas"], "06-gradients": ["gradients", "loss"] },
  },
};

/** The earlier exercises a case of `exercise`'s `fn` relies on, in course order; empty when none. */
export function upstreamOf(exercise: string, fn: string): string[] {
  return Object.keys(UPSTREAM_CALLS[exercise]?.[fn] ?? {}).sort();
}

/** The earlier exercises any function of `exercise` relies on. */
export function upstreamOfExercise(exercise: string): string[] {
  return [...new Set(Object.values(UPSTREAM_CALLS[exercise] ?? {}).flatMap((m) => Object.keys(m)))].sort();
}
