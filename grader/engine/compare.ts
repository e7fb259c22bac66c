/**
 * Internal. Compares a received value with the expected one and returns the
 * differences as data: shapes first, then values, each with its path.
 */
import type { Problem } from "./problem.ts";
import { describeValue, formatNumber, isMatrix, isNumberArray, matrixShape } from "./describe.ts";

export type NumberRule = (expected: number, received: number) => boolean;

/** ±∞ is close only to the same infinity (compare() lets equal values through before any rule). */
export const closeRule =
  (rtol: number, atol: number): NumberRule =>
  (e, r) =>
    Number.isFinite(e) && Number.isFinite(r) && Math.abs(r - e) <= atol + rtol * Math.abs(e);

export const relerrRule =
  (max: number, floor: number): NumberRule =>
  (e, r) =>
    Math.abs(r - e) / Math.max(Math.abs(r), Math.abs(e), floor) <= max;

/** Shapes only: any two numbers agree. */
export const anyNumber: NumberRule = () => true;

const MAX_VALUE_PROBLEMS = 3;

type Path = (string | number)[];

/**
 * `maxValues` caps the value problems listed (the rest are counted in a note); a hidden case lists them all, since
 * it shows no value or position, only which of the output's quantities failed, and a cap would hide one.
 */
export function compare(
  expected: unknown,
  received: unknown,
  rule: NumberRule,
  maxValues = MAX_VALUE_PROBLEMS,
): Problem[] {
  const problems: Problem[] = [];
  let extraValueProblems = 0;
  let valueProblems = 0;
  const walk = (e: unknown, r: unknown, path: Path): void => {
    if (typeof e === "number") {
      if (e === r || Object.is(e, r)) return; // also NaN = NaN and ∞ = ∞, for matching wrong answers
      if (typeof r !== "number") {
        problems.push({ code: "type", path, expected: "a number", received: describeValue(r) });
      } else if (Number.isNaN(r) || !rule(e, r)) {
        if (valueProblems >= maxValues) extraValueProblems++;
        else {
          valueProblems++;
          problems.push({ code: "value", path, expected: formatNumber(e), received: formatNumber(r) });
        }
      }
      return;
    }
    if (Array.isArray(e)) {
      if (!Array.isArray(r)) {
        problems.push({ code: "type", path, expected: describeValue(e), received: describeValue(r) });
        return;
      }
      if (isMatrix(e) && isMatrix(r)) {
        const es = matrixShape(e);
        const rs = matrixShape(r);
        if (es && (!rs || es[0] !== rs[0] || es[1] !== rs[1])) {
          const got = rs ? `${rs[0]}×${rs[1]}` : describeValue(r);
          problems.push({ code: "shape", path, expected: `a ${es[0]}×${es[1]} matrix`, received: got });
          return;
        }
      } else if (e.length !== r.length) {
        const what = isNumberArray(e) ? "a vector of length" : "a list of length";
        problems.push({ code: "shape", path, expected: `${what} ${e.length}`, received: `length ${r.length}` });
        return;
      }
      e.forEach((item, i) => walk(item, r[i], [...path, i]));
      return;
    }
    if (e !== null && typeof e === "object") {
      if (r === null || typeof r !== "object" || Array.isArray(r)) {
        problems.push({ code: "type", path, expected: describeValue(e), received: describeValue(r) });
        return;
      }
      for (const [key, item] of Object.entries(e)) {
        if (!(key in r))
          problems.push({ code: "missing", path: [...path, key], expected: describeValue(item), received: "nothing" });
        else walk(item, (r as Record<string, unknown>)[key], [...path, key]);
      }
      return;
    }
    if (e !== r) {
      const show = (v: unknown) => (typeof v === "number" ? formatNumber(v) : describeValue(v));
      problems.push({ code: "value", path, expected: show(e), received: show(r) });
    }
  };
  walk(expected, received, []);
  if (extraValueProblems > 0) {
    problems.push({
      code: "value",
      path: [],
      detail: `and ${extraValueProblems} more ${extraValueProblems === 1 ? "entry differs" : "entries differ"}`,
    });
  }
  return problems;
}
