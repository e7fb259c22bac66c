/**
 * results.json is checked for the numbers JSON cannot hold or the schema forbids, without a zod pass over the
 * grader's own result; whatever passes still satisfies the schema.
 */
import { describe, expect, it } from "vitest";
import { serialise } from "../batch/write-result.ts";
import { SubmissionResultSchema, type SubmissionResult } from "../engine/results.ts";

const result = (): SubmissionResult => ({
  schema_version: 1,
  submission: "s1",
  grading_status: "graded",
  score: 1,
  max_score: 2,
  note: "",
  input_hash: "h",
  grader_fingerprint: "f",
  visibility: ["public"],
  exercises: [{ id: "05-delta", title: "δ", bonus: false, score: 1, max_score: 2, status: "in progress" }],
  cases: [
    {
      key: "05-delta/a",
      id: "a",
      exercise: "05-delta",
      name: "a",
      fn: "deltas",
      visibility: "public",
      status: "pass",
      score: 1,
      max_score: 1,
      message: "",
      problems: [],
    },
  ],
  graded_at: "2026-12-06T00:00:00Z",
  duration_ms: 5,
});

describe("serialise", () => {
  it("writes a sound result, which the schema accepts", () => {
    const text = serialise(result());
    expect(SubmissionResultSchema.safeParse(JSON.parse(text)).success).toBe(true);
  });

  it("writes a null score for a grader error", () => {
    expect(() => serialise({ ...result(), grading_status: "error", score: null })).not.toThrow();
  });

  it.each<[string, (r: SubmissionResult) => void]>([
    ["a NaN score", (r) => (r.score = NaN)],
    ["a negative max_score", (r) => (r.max_score = -1)],
    ["an infinite duration", (r) => (r.duration_ms = Infinity)],
    ["an exercise's NaN score", (r) => (r.exercises[0].score = NaN)],
    ["an exercise's null score", (r) => (r.exercises[0].score = null as unknown as number)],
    ["a case's negative score", (r) => (r.cases[0].score = -0.5)],
    ["a case's zero max_score", (r) => (r.cases[0].max_score = 0)],
    ["a case's infinite max_score", (r) => (r.cases[0].max_score = Infinity)],
  ])("refuses %s", (_what, spoil) => {
    const r = result();
    spoil(r);
    expect(() => serialise(r)).toThrow(/its .* is/);
  });
});
