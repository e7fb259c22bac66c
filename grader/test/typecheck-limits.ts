/**
 * The type checker's limits for tests that grade a class through `grade` with type bombs or attacks on the
 * compiler in it: such a file's type check is skipped after seconds, not after the grader's own 8 s of CPU
 * time (or 30 s of wall clock on a loaded machine). An honest check of the kit's files needs well under a
 * quarter of each, so no honest submission's check is skipped; typecheck-bombs.test.ts tests the limits
 * themselves.
 */
import type { TypeCheckLimits } from "../check/typecheck.ts";

export const TEST_TYPECHECK_LIMITS: TypeCheckLimits = { cpuMs: 2_000, memoryBytes: 600 * 2 ** 20, wallMs: 40_000 };

/** The environment that gives `grade` these limits (grader/check/typecheck.ts reads it). */
export const TEST_TYPECHECK_ENV = { BACKPROP_TEST_TYPECHECK_LIMITS: JSON.stringify(TEST_TYPECHECK_LIMITS) };
