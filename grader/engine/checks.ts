/**
 * Internal. Decides a case from what the student's code did: pass, fail,
 * error or timeout, with the problems as data.
 */
import type { Check, LoadedCase } from "../fixtures/schema.ts";
import type { CallOutcome } from "../sandbox/run.ts";
import { anyNumber, closeRule, compare, relerrRule, type NumberRule } from "./compare.ts";
import { brief, describeValue, formatNumber } from "./describe.ts";
import type { Problem } from "./problem.ts";
import { SIGNATURES } from "./signatures.ts";
import { checksTraining, trainingProblems } from "./training.ts";
import { Opaque } from "../sandbox/wire.ts";

export type CaseStatus = "pass" | "fail" | "error" | "timeout";

export interface Verdict {
  status: CaseStatus;
  problems: Problem[];
  /** For error and timeout: what happened, in one line. */
  error?: string;
  /** The stub still throws "not implemented". */
  notImplemented?: boolean;
}

/** "2×3" also matches 2x3, 2 × 3 and (2, 3); a bare number matches only standing alone. */
export function mentions(message: string, wanted: string): boolean {
  const shape = /^(\d+)×(\d+)$/.exec(wanted);
  if (shape) return new RegExp(`(?<![\\d.])${shape[1]}\\s*[×xX*,]\\s*${shape[2]}(?![\\d.])`).test(message);
  if (/^\d+$/.test(wanted)) return new RegExp(`(?<![\\d.])${wanted}(?![\\d.])`).test(message);
  return message.includes(wanted);
}

function at(value: unknown, path: (string | number)[]): unknown {
  let v = value;
  for (const key of path) {
    if (Array.isArray(v) && typeof key === "number") v = v[key < 0 ? v.length + key : key];
    else if (v !== null && typeof v === "object") v = (v as Record<string, unknown>)[key];
    else return undefined;
  }
  return v;
}

/** What a zod message says was expected, without its own "expected" (rendered as "expected …, received …"). */
function expectedOf(message: string): string {
  return message
    .replace(/^Invalid input: /, "")
    .replace(/^expected /i, "")
    .replace(/, received .*$/, "");
}

function typeProblems(c: LoadedCase, value: unknown): Problem[] {
  const schema = SIGNATURES[c.exercise]?.[c.fn]?.output;
  if (!schema) return [];
  const parsed = schema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.slice(0, 3).map((issue) => ({
    code: "type" as const,
    path: issue.path as (string | number)[],
    expected: issue.path.length === 0 && schema.description ? schema.description : expectedOf(issue.message),
    received: describeValue(at(value, issue.path as (string | number)[])),
  }));
}

/** The case's own rule for two numbers, when its check compares values number by number. */
export function numberRule(check: Check): NumberRule | undefined {
  switch (check.kind) {
    case "equal":
      return (e, r) => e === r;
    case "close":
      return closeRule(check.rtol, check.atol);
    case "relerr":
      return relerrRule(check.max, check.floor);
    default:
      return undefined;
  }
}

/** Whether `value` passes the case's type and value checks, whatever its purity or call counts. */
export function valuesPass(c: LoadedCase, value: unknown): boolean {
  if (c.check.kind === "throws") return false;
  return typeProblems(c, value).length === 0 && valueProblems(c, value).length === 0;
}

function valueProblems(c: LoadedCase, value: unknown): Problem[] {
  const check = c.check;
  // Every value problem of a hidden case, bounded by the case's own output: each names its quantity (render.ts).
  const max = c.visibility === "hidden" ? Infinity : undefined;
  switch (check.kind) {
    case "equal":
    case "close":
    case "relerr":
      return compare(c.expected, value, numberRule(check)!, max);
    case "shapes":
      return compare(c.expected, value, anyNumber, max);
    case "falls": {
      const list = at(value, check.at);
      if (!Array.isArray(list) || list.length < 2 || typeof list[0] !== "number") {
        return [
          { code: "type", path: check.at, expected: "a list of at least 2 numbers", received: describeValue(list) },
        ];
      }
      const first = list[0] as number;
      const last = list[list.length - 1] as number;
      return last < first
        ? []
        : [{ code: "not_falling", path: check.at, received: `${formatNumber(first)} → ${formatNumber(last)}` }];
    }
    case "below": {
      const v = at(value, check.at);
      if (typeof v !== "number")
        return [{ code: "type", path: check.at, expected: "a number", received: describeValue(v) }];
      return v <= check.max
        ? []
        : [
            {
              code: "too_high",
              path: check.at,
              expected: `at most ${formatNumber(check.max)}`,
              received: formatNumber(v),
            },
          ];
    }
    case "throws":
      return [{ code: "not_thrown", path: [], expected: expectedError(check.mentions), received: brief(value) }];
  }
}

function expectedError(wanted: string[]): string {
  return wanted.length > 0 ? `an error that names ${wanted.join(" and ")}` : "an error";
}

/** Deep equality of plain data (the case's arguments against what the harness sent back). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Opaque || b instanceof Opaque) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object" || Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

export function decide(c: LoadedCase, outcome: CallOutcome): Verdict {
  switch (outcome.status) {
    case "timeout":
      return { status: "timeout", problems: [], error: outcome.message };
    case "crashed":
      return { status: "error", problems: [], error: outcome.message };
    case "import-failed":
      return {
        status: "error",
        problems: [],
        error: `the module failed to load: ${outcome.error.name}: ${outcome.error.message}`,
        notImplemented: outcome.error.notImplemented,
      };
    case "threw": {
      const { error } = outcome;
      if (c.check.kind === "throws" && !error.notImplemented) {
        const missing = c.check.mentions.filter((m) => !mentions(error.message, m));
        if (missing.length === 0) return { status: "pass", problems: [] };
        return {
          status: "fail",
          problems: [
            {
              code: "wrong_error",
              path: [],
              expected: expectedError(c.check.mentions),
              received: `"${error.message}"`,
            },
          ],
        };
      }
      const where = error.at ? ` (at ${error.at})` : "";
      return {
        status: "error",
        problems: [],
        error: `threw ${error.name}: ${error.message}${where}`,
        notImplemented: error.notImplemented,
      };
    }
    case "ok": {
      const problems = c.check.kind === "throws" ? [] : typeProblems(c, outcome.value);
      if (problems.length === 0) problems.push(...valueProblems(c, outcome.value));
      if (problems.length === 0 && checksTraining(c)) problems.push(...trainingProblems(c, outcome.value));
      // Decided from the arguments as they are after the call; none sent back counts as changed.
      if (c.pure && !same(c.args, outcome.after)) problems.push({ code: "mutated", path: [] });
      if (c.maxCalls) {
        // The harness always counts; a count that did not arrive is not taken as a pass.
        const calls = outcome.meta[c.maxCalls.counter];
        if (typeof calls !== "number" || calls > c.maxCalls.max) {
          problems.push({
            code: "too_many_calls",
            path: [],
            expected: `at most ${c.maxCalls.max}`,
            received: typeof calls === "number" ? String(calls) : "an unknown number of",
            detail: `${c.maxCalls.counter}: ${c.maxCalls.why}`,
          });
        }
      }
      return { status: problems.length === 0 ? "pass" : "fail", problems };
    }
  }
}
