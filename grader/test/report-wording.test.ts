/**
 * Counts in the TA's pages read as English: "1 student has", "1 pair shares", never "1 students" or "1 pairs".
 * The class summary's own counts are checked in reports-summary.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { StudentDiff } from "../batch/regrade.ts";
import { regradeHtml } from "../reports/regrade-report.ts";

/** The page as a reader sees it: text only, one space between words. */
const text = (page: string) =>
  page
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

const student = (submission: string, flipped: boolean): StudentDiff => ({
  submission,
  old: 10,
  new: flipped ? 11 : 10,
  final: flipped ? 11 : 10,
  max: 20,
  flips: flipped
    ? [
        {
          key: "05-delta/x",
          name: "a δ case",
          before: { status: "fail", score: 0 },
          after: { status: "pass", score: 1 },
          cause: "the grader's code, limits or settings",
        },
      ]
    : [],
});

describe("regrade.html", () => {
  it.each([
    { label: "1 of 1", students: [student("a", true)], says: "1 of 1 student has cases that flipped" },
    {
      label: "1 of 3",
      students: [student("a", true), student("b", false), student("c", false)],
      says: "1 of 3 students has cases that flipped",
    },
    {
      label: "2 of 3",
      students: [student("a", true), student("b", true), student("c", false)],
      says: "2 of 3 students have cases that flipped",
    },
  ])("counts $label in words that agree", ({ students, says }) => {
    expect(text(regradeHtml(students, "new", []))).toContain(says);
  });
});
