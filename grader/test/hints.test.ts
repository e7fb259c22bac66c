/** Hints follow the failure: the ones about a failing case's rules or function, in the guide's order. */
import { describe, expect, it } from "vitest";
import { hintsFor } from "../check/hints.ts";
import type { CaseResult } from "../engine/results.ts";
import { loadManifest } from "../manifest.ts";

const manifest = loadManifest();
const perceptron = manifest.exercises.find((e) => e.id === "02-perceptron")!;

function c(id: string, fn: string, rules: string[], pass: boolean): CaseResult {
  return {
    key: `02-perceptron/${id}`,
    id,
    exercise: "02-perceptron",
    name: id,
    fn,
    visibility: "public",
    status: pass ? "pass" : "fail",
    score: pass ? 1 : 0,
    max_score: 1,
    message: "",
    problems: [],
    rules,
  };
}

const sgnZero = (pass: boolean) => c("sgn-zero", "sgn", ["sgn-zero"], pass);
const update = (pass: boolean) => c("update", "update", ["update", "update-pure"], pass);
const pla = (pass: boolean) => c("pla", "pla", ["pla-first-misclassified", "pla-defaults"], pass);

describe("hintsFor", () => {
  it.each([
    { what: "sgn(0) wrong", cases: [sgnZero(false), update(true), pla(true)], first: 1 },
    { what: "update wrong, pla with it", cases: [sgnZero(true), update(false), pla(false)], first: 2 },
    { what: "only pla wrong", cases: [sgnZero(true), update(true), pla(false)], first: 3 },
  ])("starts with hint $first when $what", ({ cases, first }) => {
    expect(hintsFor(perceptron, cases)[0].number).toBe(first);
  });

  it("gives none for a complete exercise", () => {
    expect(hintsFor(perceptron, [sgnZero(true), update(true), pla(true)])).toEqual([]);
  });

  it("gives every hint, in order, when nothing failing is keyed (a compile error)", () => {
    const broken = { ...c("x", "notAFunction", [], false), rules: undefined };
    expect(hintsFor(perceptron, [broken]).map((h) => h.number)).toEqual([1, 2, 3, 4]);
  });
});
