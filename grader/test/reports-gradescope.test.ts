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

describe("toGradescope's notation", () => {
  // Gradescope does not typeset $…$: every position, trace and named layer stays in the lecture's plain notation.
  it.each([
    { at: "dW^[2]_{3,1}", trace: "db^[2] ✗ (every unit) · dW^[2] ✗ (follows from db^[2])", layers: ["dW^[2]"] },
    { at: "δ^[1]_2", trace: "δ^[3] ✓ · δ^[2] ✗ (units 1 and 3) · δ^[1] ✗ (follows from δ^[2])", layers: ["δ^[2]"] },
    { at: "a^[3]", trace: "f^[1] ✓ · a^[1] ✗ (unit 2)", layers: ["a^[1]", "a^[2]"] },
    { at: "db^[1]_4", trace: "db^[1] ✗ (every unit)", layers: ["db^[1]"] },
  ])("writes $at as plain notation", ({ at, trace, layers }) => {
    const base = sampleResult();
    const lost = base.cases.find((x) => x.id === "wrong-public")!;
    const cases = base.cases.map((x) =>
      x === lost
        ? {
            ...x,
            problems: [{ code: "value" as const, path: [0, 1], at, expected: "0.5", received: "0.25" }],
            trace,
            diagnosis: { ...x.diagnosis!, layers },
          }
        : x,
    );
    const outputs = [
      toGradescope({ ...base, cases }, manifest).output,
      ...toGradescope({ ...base, cases }, manifest).tests!.map((t) => t.output),
    ];
    const text = outputs.join("\n");
    expect(text).toContain(`| \`${at}\` | value check |`);
    // Outside code (where a student's message may hold a $ of its own), with a student's $ escaped (\\$).
    const prose = text.replace(/(`{3,})[\s\S]*?\1|`[^`\n]*`/g, "");
    expect(prose).not.toMatch(/(?<!\\)\$|\\mathbf|\\boldsymbol/);
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
