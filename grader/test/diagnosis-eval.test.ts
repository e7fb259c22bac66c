/**
 * The diagnosis evaluation corpus is well formed (the full measurement is
 * npm run diagnosis:eval), and its scoring counts a name as correct only when
 * every id named is one the TA's label accepts.
 */
import { describe, expect, it } from "vitest";
import { loadCorpus, type CorpusEntry } from "../diagnosis-eval/corpus.ts";
import { score } from "../diagnosis-eval/score.ts";
import type { GradedImplementation } from "../engine/grade.ts";
import type { CaseResult } from "../engine/results.ts";
import { loadManifest } from "../manifest.ts";
import { CATALOGUE } from "../misconceptions/catalogue.ts";
import { relationName } from "../misconceptions/relations.ts";

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
      expect(CATALOGUE.some((m) => m.id === id) || relationName(id) !== undefined, id).toBe(true);
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

describe("scoring", () => {
  it.each([
    ["nothing named", [], [{ status: "fail", problems: [] }], "nothing"],
    ["the label's id", ["a"], [{ status: "fail", problems: [], diagnosis: { id: "a" } }], "correct"],
    ["both of a pair", ["a", "b"], [{ status: "fail", problems: [], diagnosis: { id: "a+b" } }], "correct"],
    ["one id the label lacks", ["a"], [{ status: "fail", problems: [], diagnosis: { id: "a+b" } }], "wrong"],
    ["a name on an unnameable one", [], [{ status: "fail", problems: [], diagnosis: { id: "a" } }], "wrong"],
  ])("%s", (_what, accept, cases, outcome) => {
    expect(score(entry(accept as string[]), graded(cases as Partial<CaseResult>[])).outcome).toBe(outcome);
  });

  it("flags a name on an answer whose values pass", () => {
    const cases = [{ key: "k", status: "fail", problems: [{ code: "too_many_calls" }], diagnosis: { id: "a" } }];
    expect(score(entry(["a"]), graded(cases as Partial<CaseResult>[])).namedOnPass).toEqual(["k"]);
  });
});
