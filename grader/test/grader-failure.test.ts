/**
 * When the grader itself fails on a submission (it throws while grading it), that is the grader's error, as the
 * machine's trouble is: status `error`, no score (never a 0, in results.json or on Gradescope), the other
 * submissions graded as ever, and the next run grades it again. `crashed` is only for a submission whose own code
 * crashed its sandbox: graded and charged, and its feedback says so rather than blaming the grader.
 */
import { readFile, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBatch, type BatchReport } from "../batch/run-batch.ts";
import { DEFAULT_LIMITS } from "../engine/grade.ts";
import { SubmissionResultSchema, type SubmissionResult } from "../engine/results.ts";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { feedbackMarkdown } from "../reports/feedback-md.ts";
import { toGradescope } from "../reports/gradescope.ts";

const manifest = loadManifest();
let tmp: string;
let report: BatchReport;
const results = new Map<string, SubmissionResult>();

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "bpk-grader-failure-"));
  const out = path.join(tmp, "out");
  const ids = ["ada-complete", "dee-forgets-gprime"];
  report = await runBatch({
    submissions: ids.map((id) => ({ id, source: path.join(paths.demoClass, id) })),
    out,
    manifest,
    cases: loadCases(manifest, { visibility: ["public"] }),
    limits: DEFAULT_LIMITS,
    jobs: 2,
    force: true,
    // The grader's own code failing, as a bug would: only a wrong answer is diagnosed, so only dee meets it.
    diagnose: () => {
      throw new Error("the diagnoser broke");
    },
  });
  for (const id of ids)
    results.set(
      id,
      SubmissionResultSchema.parse(JSON.parse(await readFile(path.join(out, id, "results.json"), "utf8"))),
    );
}, 120_000);

afterAll(() => rm(tmp, { recursive: true, force: true }));

describe("a submission the grader fails on", () => {
  it("gets the grader's error and no score, with the reason, and is listed as not graded", () => {
    const dee = results.get("dee-forgets-gprime")!;
    expect({ status: dee.grading_status, score: dee.score }).toEqual({ status: "error", score: null });
    expect(dee.note).toMatch(/^the grader failed on this submission: .*the diagnoser broke/);
    expect(report.errors).toEqual(["dee-forgets-gprime"]);
  });

  it("costs no other submission its result", () => {
    const ada = results.get("ada-complete")!;
    expect(ada.grading_status).toBe("graded");
    // Full marks: every exercise's points, bonus ones too (extra credit, above the maximum).
    expect(ada.score).toBe(ada.exercises.reduce((s, e) => s + e.max_score, 0));
  });

  it("gives Gradescope nothing rather than a 0", () => {
    expect(() => toGradescope(results.get("dee-forgets-gprime")!, manifest)).toThrow(/no score to give Gradescope/);
  });

  it("says on the feedback page that the grader failed, not the student's code, and shows no score", () => {
    const page = feedbackMarkdown(results.get("dee-forgets-gprime")!, manifest);
    expect(page).toContain("– / ");
    expect(page).toContain("not graded yet: the grader failed on it, not your code");
    expect(page).not.toMatch(/\b0 \/ \d+ points \(0%\)/);
  });
});

describe("the status line of a feedback page", () => {
  const graded = (over: Partial<SubmissionResult>): SubmissionResult => ({ ...results.get("ada-complete")!, ...over });

  it.each([
    { status: "crashed" as const, says: "graded; your code crashed its process on some calls", not: /grader failed/ },
    { status: "graded" as const, says: "· graded ·", not: /crashed|grader failed/ },
    { status: "timeout" as const, says: "graded until the time limit ran out", not: /grader failed/ },
  ])("of a $status submission with a score says what happened to it", ({ status, says, not }) => {
    const head = feedbackMarkdown(graded({ grading_status: status }), manifest)
      .split("\n")
      .slice(0, 4)
      .join("\n");
    expect(head).toContain(says);
    expect(head).not.toMatch(not);
  });
});
