/**
 * Whether a hidden case's named mistake names the quantity that failed. A
 * hidden case shows no position (a function could encode its input in one),
 * so its only words about where it went wrong are the mistake's: its subjects
 * ("Your b", "Each of dW and db", "In some layers of δ only") must name a
 * quantity whose values failed (δ, dW, b, the losses, …), and no other one.
 * Which quantities failed is decided here, on the trusted side, from the value
 * the diagnoser was given.
 */
import { numberRule } from "../engine/checks.ts";
import type { Diagnoser } from "../engine/grade.ts";
import type { CaseResult } from "../engine/results.ts";
import type { LoadedCase } from "../fixtures/schema.ts";
import { isLayered, viewsOf } from "../misconceptions/layers.ts";
import { isNum, near, shapeOf, type Num } from "../misconceptions/numeric.ts";
import { quantitiesAt } from "../misconceptions/notation.ts";

export interface HiddenText {
  key: string;
  /** The quantities whose values failed. */
  failed: string[];
  /** The quantities the named mistake says are wrong. */
  claimed: string[];
  ok: boolean;
  /** The named mistake's words. */
  text: string;
}

function valueAt(value: unknown, path: (string | number)[], scalar?: boolean): Num | undefined {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  if (scalar) return typeof v === "number" ? [v] : undefined;
  return isNum(v) ? v : undefined;
}

/** The quantities of a layered function's output whose values are not the case's (missing or misshapen ones too). */
export function failedQuantities(c: LoadedCase, received: unknown): string[] {
  const views = viewsOf(c);
  const rule = numberRule(c.check);
  if (!views || !isLayered(c.fn)) return [c.fn];
  // A case that checks shapes only ("shapes") fails where a shape differs.
  const wrong = views.filter((v) => {
    const r = valueAt(received, v.path, v.scalar);
    return !r || (rule ? !near(v.expected, r, rule) : shapeOf(r).join() !== shapeOf(v.expected).join());
  });
  return [...new Set(wrong.map((v) => v.symbol))];
}

/** A diagnoser that also records, for each hidden case it sees, which quantities failed. */
export function recording(diagnose: Diagnoser, failed: Map<string, string[]>): Diagnoser {
  return (c, received) => {
    if (c.visibility === "hidden") failed.set(c.key, failedQuantities(c, received));
    return diagnose(c, received);
  };
}

/** "δ^[L]", "dε/dW^[l]", "list of losses" → the quantity's symbol. */
const symbolOf = (word: string) =>
  word
    .trim()
    .replace(/^list of /, "")
    .replace(/^dε\/d(W|b)\b/, "d$1")
    .replace(/[\^_[].*$/, "");

/** The quantities a named mistake's sentences are about: their subjects, as the diagnoser writes them. */
export function claimedQuantities(text: string, known: string[]): string[] {
  const subjects = [
    ...text.matchAll(/\bYour ((?:list of )?\S+)/g),
    ...text.matchAll(/\bEach of ((?:[^\s,.;]+(?:,\s*|\s+and\s+))*[^\s,.;]+)/g),
    ...text.matchAll(/\bIn ((?:some layers of )?[^.;]+?) only\b/g),
    ...text.matchAll(/\bIn your ([^.;]+)\./g),
  ].map((m) => m[1]);
  const words = subjects.flatMap((s) => s.split(/,\s*|\s+and\s+|some layers of\s+/));
  return [...new Set(words.map(symbolOf).filter((s) => known.includes(s)))];
}

/**
 * The check for a hidden case that names a mistake; undefined for any other case. A function of one quantity
 * (relativeError, softmax) is named by the case's own first line, so any of its texts names it.
 */
export function hiddenText(c: LoadedCase, r: CaseResult, failed: string[] | undefined): HiddenText | undefined {
  if (r.visibility !== "hidden" || !r.diagnosis) return undefined;
  const wrong = failed ?? [];
  const text = `${r.diagnosis.name}. ${r.diagnosis.explanation}`;
  if (!isLayered(c.fn)) return { key: r.key, failed: wrong, claimed: [c.fn], ok: true, text };
  const known = [...new Set((viewsOf(c) ?? []).map((v) => v.symbol))];
  const claimed = claimedQuantities(text, known);
  const ok = claimed.length > 0 && claimed.every((q) => wrong.includes(q));
  return { key: r.key, failed: wrong, claimed, ok, text };
}

/** Checks of what the function returned, whose hidden text must name a quantity. */
const OF_OUTPUT = new Set(["value", "shape", "type", "missing", "not_falling", "too_high"]);

/** The quantities a hidden case's text names: "the value check failed on W and the losses" → W, the losses. */
export function namedInMessage(message: string): string[] {
  const named = [...message.matchAll(/^the [a-z ]+ check failed on (.+)$/gm)].flatMap((m) =>
    m[1].split(/, | and (?=[^,]*$)/),
  );
  return [...new Set(named)];
}

/**
 * The check for every failing hidden case of a check of what the function returned, named mistake or not: its text
 * names each quantity that failed and no other. Which failed is decided here, from the value (failedQuantities),
 * apart from the grader's own naming; the training checks (falls, below) name the losses or the returned layers' loss.
 */
export function hiddenQuantityText(c: LoadedCase, r: CaseResult, failed: string[] | undefined): HiddenText | undefined {
  if (r.visibility !== "hidden" || r.status !== "fail" || !r.problems.some((p) => OF_OUTPUT.has(p.code)))
    return undefined;
  const claimed = namedInMessage(r.message);
  const text = r.message;
  if (!numberRule(c.check) && c.check.kind !== "shapes") {
    const allowed = ["the losses", "the final loss", "the loss of the returned layers", "W", "b"];
    const ok = claimed.length > 0 && claimed.every((q) => allowed.includes(q));
    return { key: r.key, failed: ["the losses"], claimed, ok, text };
  }
  // A function of one quantity, or one the views see whole (pla, autodiff, shape): any of its own quantities.
  if (!isLayered(c.fn)) {
    const own = quantitiesAt(c.fn, []);
    const ok = claimed.length > 0 && claimed.every((q) => own.includes(q));
    return { key: r.key, failed: own, claimed, ok, text };
  }
  const wrong = (failed ?? []).map((q) => (q === "losses" ? "the losses" : q));
  const ok = claimed.length > 0 && claimed.length === wrong.length && claimed.every((q) => wrong.includes(q));
  return { key: r.key, failed: wrong, claimed, ok, text };
}
