/**
 * The diagnosis evaluation corpus is well formed (the full measurement is
 * npm run diagnosis:eval), its scoring counts a name as correct only when
 * every id named is one the TA's label accepts, and its check of hidden cases'
 * texts holds a named mistake to the quantities that failed.
 */
import { describe, expect, it } from "vitest";
import { loadCorpus, type CorpusEntry } from "../diagnosis-eval/corpus.ts";
import { score } from "../diagnosis-eval/score.ts";
import type { GradedImplementation } from "../engine/grade.ts";
import type { CaseResult } from "../engine/results.ts";
import { loadManifest } from "../manifest.ts";
import { CATALOGUE } from "../misconceptions/catalogue.ts";
import { relationName } from "../misconceptions/relations.ts";
import { upstreamOfExercise } from "../engine/upstream-imports.ts";
import {
  claimedQuantities,
  failedQuantities,
  hiddenQuantityText,
  hiddenText,
  namedInMessage,
} from "../diagnosis-eval/hidden-text.ts";
import { loadCases } from "../fixtures/load.ts";

const corpus = loadCorpus();
const manifest = loadManifest();

describe("the corpus", () => {
  it("has at least 40 wrong and 10 correct-but-different implementations", () => {
    expect(corpus.filter((e) => e.kind === "wrong").length).toBeGreaterThanOrEqual(40);
    expect(corpus.filter((e) => e.kind === "correct").length).toBeGreaterThanOrEqual(10);
  });

  it.each(corpus.map((e) => ({ id: e.id, e })))("$id: replaces an export, with a label a TA would give", ({ e }) => {
    expect(manifest.exercises.map((x) => x.id)).toContain(e.exercise);
    expect(e.source).toMatch(new RegExp(`^export (function|class) ${e.symbol}\\b`, "m"));
    expect(e.ta.length).toBeGreaterThan(10);
    if (e.kind === "correct") expect(e.accept).toEqual([]);
    for (const id of e.accept)
      expect(
        CATALOGUE.some((m) => m.id === id) || relationName(id) !== undefined || upstreamIds(e).includes(id),
        id,
      ).toBe(true);
    // A mistake seen from later exercises is one of an exercise they call.
    for (const later of e.seenFrom ?? []) expect(upstreamOfExercise(later), later).toContain(e.exercise);
  });

  it("has at least 10 mistakes of an earlier exercise seen from a later one", () => {
    expect(corpus.filter((e) => e.kind === "wrong" && e.seenFrom).length).toBeGreaterThanOrEqual(10);
  });

  it("is no copy of a catalogued mistake file", async () => {
    const { readFileSync } = await import("node:fs");
    const { mistakeFile } = await import("../misconceptions/apply.ts");
    const squash = (s: string) => s.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "").replace(/\s+/g, "");
    const mistakes = CATALOGUE.map((m) => squash(readFileSync(mistakeFile(m), "utf8").replace(/^import[^;]*;/gm, "")));
    for (const e of corpus) expect(mistakes, e.id).not.toContain(squash(e.source.replace(/^import[^;]*;/gm, "")));
  });
});

const entry = (accept: string[]): CorpusEntry => ({
  id: "wrong/x",
  kind: "wrong",
  exercise: "05-delta",
  symbol: "deltas",
  ta: "a label",
  accept,
  source: "",
});
const graded = (cases: Partial<CaseResult>[]) => ({ cases }) as unknown as GradedImplementation;
const from = (...exercises: string[]) => ({
  from: exercises.map((exercise) => ({ exercise, functions: ["f"] })),
  swapped: exercises.map((exercise) => ({ exercise, functions: ["f"] })),
});
/** The ids a mistake seen from later exercises may be named by: the failure traced to its own exercise. */
function upstreamIds(e: CorpusEntry): string[] {
  return e.seenFrom ? [`upstream-${e.exercise}`] : [];
}

describe("scoring", () => {
  it.each([
    ["nothing named", [], [{ status: "fail", problems: [] }], "nothing"],
    ["the label's id", ["a"], [{ status: "fail", problems: [], diagnosis: { id: "a" } }], "correct"],
    ["both of a pair", ["a", "b"], [{ status: "fail", problems: [], diagnosis: { id: "a+b" } }], "correct"],
    ["one id the label lacks", ["a"], [{ status: "fail", problems: [], diagnosis: { id: "a+b" } }], "wrong"],
    ["a name on an unnameable one", [], [{ status: "fail", problems: [], diagnosis: { id: "a" } }], "wrong"],
    [
      "the earlier exercise it comes from",
      ["upstream-05-delta"],
      [{ status: "error", problems: [], upstream: from("05-delta") }],
      "correct",
    ],
    [
      "another earlier exercise",
      ["upstream-05-delta"],
      [{ status: "fail", problems: [], upstream: from("04-forward") }],
      "wrong",
    ],
    [
      "one too many earlier exercises",
      ["upstream-05-delta"],
      [{ status: "fail", problems: [], upstream: from("04-forward", "05-delta") }],
      "wrong",
    ],
    [
      "a mistake named in the later exercise",
      ["upstream-05-delta"],
      [{ status: "fail", problems: [], diagnosis: { id: "a" } }],
      "wrong",
    ],
    [
      "traced to no one earlier exercise",
      ["upstream-05-delta"],
      [{ status: "fail", problems: [], upstream: from() }],
      "nothing",
    ],
  ])("%s", (_what, accept, cases, outcome) => {
    expect(score(entry(accept as string[]), graded(cases as Partial<CaseResult>[])).outcome).toBe(outcome);
  });

  it("flags a name on an answer whose values pass", () => {
    const cases = [{ key: "k", status: "fail", problems: [{ code: "too_many_calls" }], diagnosis: { id: "a" } }];
    expect(score(entry(["a"]), graded(cases as Partial<CaseResult>[])).namedOnPass).toEqual(["k"]);
  });
});

describe("a hidden case's text against the quantities that failed", () => {
  const SYMBOLS = ["W", "b", "δ", "dW", "db", "f", "a", "losses"];
  it.each([
    ["Your b moves along the gradient", ["b"]],
    ["Your W, in some layers, is returned unchanged", ["W"]],
    ["Each of dW and db, in some layers, is a constant multiple", ["dW", "db"]],
    ["Your list of losses is 2 times the right value", ["losses"]],
    ["In some layers of δ only. Your δ evaluates g′ at a^[l]", ["δ"]],
    ["In db and some layers of dW only. The rule: dε/dW^[l] = a^[l-1] (δ^[l])ᵀ", ["db", "dW"]],
    ["Your δ^[L] is dε/dŷ itself", ["δ"]],
    ["Your step adds η∇ε, which climbs the error", []],
    ["Each of db and dW holds the value due in another layer", ["db", "dW"]],
    ["Your dε/dW^[l] uses the layer's own activation a^[l]", ["dW"]],
    ["In your W and b. Your step adds η∇ε", ["W", "b"]],
    ["Your losses[e] is the mean ε before epoch e's steps", ["losses"]],
  ])("%s: %j", (text, quantities) => {
    expect(claimedQuantities(text, SYMBOLS).sort()).toEqual([...quantities].sort());
  });

  const cases = loadCases(manifest, { visibility: ["hidden"] });
  const sgd = cases.find((c) => c.fn === "sgdStep" && c.check.kind === "close")!;
  const result = (explanation: string) =>
    ({
      key: sgd.key,
      visibility: "hidden",
      diagnosis: { id: "sgd-ascent", name: "gradient ascent (+η) instead of descent", explanation },
    }) as unknown as CaseResult;
  it.each([
    ["names the quantity that failed", "Your b moves along the gradient.", ["b"], true],
    ["names one that is right", "Your W moves along the gradient.", ["b"], false],
    ["names none", "It moves along the gradient.", ["b"], false],
    ["names both, one right", "Each of W and b moves along the gradient.", ["b"], false],
  ])("%s", (_what, explanation, failed, ok) => {
    expect(hiddenText(sgd, result(explanation), failed)?.ok).toBe(ok);
  });

  it("finds the failed quantities in the value itself: only b wrong", () => {
    const e = structuredClone(sgd.expected) as { W: number[][]; b: number[] }[];
    const received = e.map((l) => ({ ...l, b: l.b.map((v) => v + 1) }));
    expect(failedQuantities(sgd, received)).toEqual(["b"]);
  });
});

describe("the check that every failing hidden case names its quantities", () => {
  it.each([
    ["the value check failed on dW", ["dW"]],
    ["the value check failed on W and the losses", ["W", "the losses"]],
    ["the shape check failed on dW\nthe value check failed on db", ["dW", "db"]],
    ["the type check failed on f, a and δ", ["f", "a", "δ"]],
    ["the value check failed", []],
  ])("%j names %j", (message, named) => {
    expect(namedInMessage(message)).toEqual(named);
  });

  const hidden = loadCases(manifest, { visibility: ["hidden"] });
  const grads = hidden.find((c) => c.fn === "gradients" && c.check.kind === "relerr")!;
  const failing = (message: string) =>
    ({
      key: grads.key,
      visibility: "hidden",
      status: "fail",
      message,
      problems: [{ code: "value", path: [] }],
    }) as unknown as CaseResult;
  it.each([
    ["names each", "the value check failed on dW and db", ["dW", "db"], true],
    ["names one of two", "the value check failed on dW", ["dW", "db"], false],
    ["names one that is right", "the value check failed on db", ["dW"], false],
    ["names none", "the value check failed", ["dW"], false],
  ])("%s", (_what, message, failed, ok) => {
    expect(hiddenQuantityText(grads, failing(message), failed)?.ok).toBe(ok);
  });
});
