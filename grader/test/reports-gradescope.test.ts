/** gradescope.json: each case a test, hidden ones visible after the due date (configurable), valid against the schema. */
import { describe, expect, it } from "vitest";
import { loadManifest } from "../manifest.ts";
import { GradescopeResultsSchema } from "../reports/gradescope-schema.ts";
import { toGradescope } from "../reports/gradescope.ts";
import { HIDDEN_SECRET, sampleResult } from "./report-samples.ts";

const manifest = loadManifest();
const result = sampleResult();
const gs = toGradescope(result, manifest);

describe("toGradescope", () => {
  it("gives the score, the time in seconds and markdown outputs", () => {
    expect(gs).toMatchObject({ score: result.score, execution_time: 1.234, output_format: "md" });
    expect(GradescopeResultsSchema.safeParse(gs).success).toBe(true);
  });

  it.each(result.cases.map((c, i) => ({ ...c, i })))("maps case $id to a test", (c) => {
    const t = gs.tests![c.i];
    expect(t).toMatchObject({
      score: c.score,
      max_score: c.max_score,
      status: c.status === "pass" ? "passed" : "failed",
      visibility: c.visibility === "hidden" ? "after_due_date" : "visible",
    });
    expect(t.name).toContain(c.name);
    if (c.visibility === "hidden") expect(t.output).not.toContain(HIDDEN_SECRET);
  });

  it.each(["after_published", "hidden", "visible"] as const)("shows hidden cases %s when the manifest says so", (v) => {
    const tests = toGradescope(result, { ...manifest, gradescope: { hidden_visibility: v } }).tests!;
    const hidden = result.cases.flatMap((c, i) => (c.visibility === "hidden" ? [tests[i].visibility] : []));
    expect(hidden.length).toBeGreaterThan(0);
    expect(new Set(hidden)).toEqual(new Set([v]));
  });

  it("numbers tests by exercise and case", () => {
    expect(gs.tests!.map((t) => t.number)).toEqual(["5.1", "5.2", "5.3", "5.4", "1.1", "1.2", "1.3"]);
  });

  it("explains a lost point with the named mistake and a hint", () => {
    const t = gs.tests!.find((x) => x.name?.endsWith("case wrong-public"))!;
    expect(t.output).toContain("| `[0][1]` | value check | `0.5` | `0.25` |");
    expect(t.output).toContain("**Likely mistake: δ without the g′(f) factor.**");
    expect(t.output).toContain("**Hint:**");
  });
});

describe("GradescopeResultsSchema", () => {
  it.each([
    { why: "a test status other than passed/failed", doc: { score: 1, tests: [{ score: 1, status: "ok" }] } },
    { why: "an unknown visibility", doc: { score: 1, tests: [{ score: 1, visibility: "public" }] } },
    { why: "an unknown output format", doc: { score: 1, output_format: "markdown" } },
    { why: "no score anywhere", doc: { tests: [{ max_score: 1 }] } },
    { why: "no score and no tests", doc: {} },
    { why: "a misspelt key", doc: { score: 1, excecution_time: 3 } },
  ])("rejects $why", ({ doc }) => {
    expect(GradescopeResultsSchema.safeParse(doc).success).toBe(false);
  });

  it.each([
    { why: "a top-level score alone", doc: { score: 0 } },
    { why: "scores on every test", doc: { tests: [{ score: 1, max_score: 1, name: "a" }] } },
    { why: "a leaderboard", doc: { score: 2, leaderboard: [{ name: "Time", value: 1.5, order: "asc" }] } },
  ])("accepts $why", ({ doc }) => {
    expect(GradescopeResultsSchema.safeParse(doc).success).toBe(true);
  });
});
