/**
 * Renders problems as text, in one place, for the terminal, feedback pages and
 * results.json alike: "✖ expected a 3×2 matrix, got 2×3 → at dW[1]".
 */
import { formatPath } from "../zod-format.ts";
import { listWords, quantitiesAt } from "../misconceptions/notation.ts";
import type { Problem } from "./problem.ts";

function where(problem: Problem): string {
  if (problem.at) return ` → at ${problem.at}`;
  return problem.path.length > 0 ? ` → at ${formatPath(problem.path)}` : "";
}

/** One problem as one line, without the leading mark. */
export function renderProblem(p: Problem): string {
  // A hidden case's problem keeps only its kind (see redact).
  if (p.expected === undefined && p.received === undefined && p.detail === undefined && p.code !== "mutated")
    return `the ${CHECK_KIND[p.code]} failed${p.quantities?.length ? ` on ${listWords(p.quantities)}` : ""}`;
  const hidden = p.expected === undefined;
  switch (p.code) {
    case "shape":
      return `${hidden ? "wrong shape" : `expected ${p.expected}`}, got ${p.received}${where(p)}`;
    case "value":
      if (p.received === undefined) return p.detail ?? "values differ";
      return `${hidden ? "wrong value" : `expected ${p.expected}`}, received ${p.received}${where(p)}`;
    case "type":
      return `expected ${p.expected ?? "another type"}, received ${p.received}${where(p)}`;
    case "missing":
      return `missing${where(p)}${p.expected ? `: expected ${p.expected}` : ""}`;
    case "not_thrown":
      return `expected ${p.expected ?? "an error"}, but it returned ${p.received}`;
    case "wrong_error":
      return `threw, but expected ${p.expected ?? "another error"}; the message was ${p.received}`;
    case "mutated":
      return "changed its inputs; it must leave them unchanged and return new arrays";
    case "too_many_calls":
      return `${p.detail ?? "too many calls"}: called ${p.received ?? "too many"} times, ${p.expected ?? "more than allowed"}`;
    case "not_falling":
      return `the loss did not fall: ${p.received}${where(p)}`;
    case "too_high":
      return `${p.received} is too high${p.expected ? `: expected ${p.expected}` : ""}${where(p)}`;
  }
}

/** Checks of what the function returned: a hidden one names the quantity that failed (see redactAll). */
const OF_OUTPUT = new Set<Problem["code"]>(["value", "shape", "type", "missing", "not_falling", "too_high"]);

/**
 * A hidden case shows only what kind of check failed and, for a check of what the function returned, which of the
 * output's quantities (by the course's names: dW, not dW^[2]; see quantitiesAt): no expected value, and nothing
 * else that depends on what the function returned (where in a quantity, its size, its type, a count), since a
 * function could encode its hidden input in any of those. A call limit is the case's own.
 */
export function redact(p: Problem, fn: string): Problem {
  if (p.code === "too_many_calls") return { code: p.code, path: [], expected: p.expected, detail: p.detail };
  if (!OF_OUTPUT.has(p.code)) return { code: p.code, path: [] };
  return { code: p.code, path: [], quantities: quantitiesAt(fn, p.path, p.code) };
}

/**
 * A hidden case's problems, one per kind of check, each naming every quantity that failed it ("the value check
 * failed on dW and db"). A note such as "and 3 more entries differ" is no quantity of its own, and is dropped.
 */
export function redactAll(problems: Problem[], fn: string): Problem[] {
  const byCode = new Map<Problem["code"], Problem>();
  for (const p of problems) {
    if (p.code === "value" && p.detail !== undefined && p.path.length === 0) continue;
    const r = redact(p, fn);
    const seen = byCode.get(r.code);
    if (!seen) byCode.set(r.code, r);
    else if (r.quantities) seen.quantities = [...new Set([...(seen.quantities ?? []), ...r.quantities])];
  }
  return [...byCode.values()];
}

/** What kind of check a problem is, for hidden cases and summaries. */
export const CHECK_KIND: Record<Problem["code"], string> = {
  shape: "shape check",
  value: "value check",
  type: "type check",
  missing: "structure check",
  not_thrown: "error check",
  wrong_error: "error message check",
  mutated: "purity check",
  too_many_calls: "call count check",
  not_falling: "loss check",
  too_high: "bound check",
};
