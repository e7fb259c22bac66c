/**
 * Every rule an exercise guide states has a public case: a student who passes every public case has been tested
 * on every rule they were told, and the hidden cases test the same rules on other values, adding none of their
 * own. Hints name rules or functions that exist.
 */
import { describe, expect, it } from "vitest";
import { loadCases } from "../fixtures/load.ts";
import { coverage, guideRules, readGuideRules } from "../fixtures/rules.ts";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { SIGNATURES } from "../engine/signatures.ts";

const manifest = loadManifest();
const cases = loadCases(manifest, { visibility: ["public", "hidden"] });
const exercises = manifest.exercises.map((e) => ({
  ...e,
  rules: readGuideRules(paths.exercises, e.id),
  cases: cases.filter((c) => c.exercise === e.id),
}));

describe.each(exercises)("$id", ({ id, rules, cases: own, hints }) => {
  it("states its rules with ids in its guide", () => {
    expect(rules.length).toBeGreaterThan(2);
    expect(new Set(rules).size).toBe(rules.length);
  });

  it("has a public case for every rule its guide states", () => {
    expect(coverage(rules, own).uncovered).toEqual([]);
  });

  it("ties every case, public and hidden, to rules its guide states", () => {
    const { unknown, untagged } = coverage(rules, own);
    expect(untagged).toEqual([]);
    expect(unknown).toEqual([]);
  });

  it("keys every hint to its rules or functions", () => {
    const known = new Set([...rules, ...Object.keys(SIGNATURES[id] ?? {})]);
    expect(hints.flatMap((h) => h.about.filter((a) => !known.has(a)))).toEqual([]);
  });
});

describe("the rules-to-cases check", () => {
  it("reads the ids of a guide's Rules table only", () => {
    const readme =
      "# x\n\n| `not-a-rule` | x |\n\n## Rules\n\n| Rule | What |\n| --- | --- |\n| `a-b` | one |\n| `c` | two |\n\n## Hints\n\n| `d` | x |\n";
    expect(guideRules(readme)).toEqual(["a-b", "c"]);
  });

  // Every rule whose public cases are all removed must be reported: the check is not vacuous.
  const solo = exercises.flatMap((e) =>
    e.rules.map((rule) => ({
      exercise: e.id,
      rule,
      without: e.cases.filter((c) => c.visibility === "hidden" || !c.rules?.includes(rule)),
      rules: e.rules,
    })),
  );
  it.each(solo)("fails for $exercise when no public case tests $rule", ({ rule, without, rules }) => {
    expect(coverage(rules, without).uncovered).toContain(rule);
  });

  it("fails when a hidden case brings a rule of its own", () => {
    const e = exercises[0];
    const extra = { id: "extra", visibility: "hidden" as const, rules: ["not-in-the-guide"] };
    expect(coverage(e.rules, [...e.cases, extra]).unknown).toEqual(["extra: not-in-the-guide"]);
  });
});
