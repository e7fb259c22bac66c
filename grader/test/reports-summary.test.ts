/** The class summary's numbers and page, from rows alone. */
import { describe, expect, it } from "vitest";
import type { Row } from "../batch/gradebook.ts";
import { loadManifest } from "../manifest.ts";
import { mean, median, summarize, type CaseInfo } from "../reports/summary-data.ts";
import { summaryHtml } from "../reports/summary-html.ts";
import { binCounts, histogramSvg } from "../reports/svg.ts";

const manifest = loadManifest();
const max = manifest.exercises.reduce((s, e) => s + e.points, 0);
const deltaMax = manifest.exercises.find((e) => e.id === "05-delta")!.points;

function row(submission: string, score: number, over: Partial<Row> = {}): Row {
  return {
    submission,
    grading_status: "graded",
    score,
    max_score: max,
    note: "",
    exercises: { "05-delta": Math.min(deltaMax, score) },
    failed: [],
    not_started: [],
    diagnoses: [],
    duration_ms: 10,
    ...over,
  };
}

const rows: Row[] = [
  row("a", max),
  row("b", 30, { failed: ["05-delta/x", "05-delta/y"], diagnoses: ["delta-missing-gprime"] }),
  row("c", 12, {
    failed: ["05-delta/x", "05-delta/y"],
    not_started: ["05-delta/y"],
    diagnoses: ["delta-missing-gprime"],
  }),
  row("<d>", 0, { grading_status: "refused", note: "<script>x</script>", exercises: {}, failed: [] }),
];
const infos = new Map<string, CaseInfo>([
  ["05-delta/x", { name: "δ for <b>3-4-2</b>", exercise: "05-delta", visibility: "public" }],
]);
const data = summarize(rows, manifest, infos);

describe("statistics", () => {
  it.each([
    { values: [], median: 0, mean: 0 },
    { values: [3], median: 3, mean: 3 },
    { values: [4, 1, 3], median: 3, mean: 8 / 3 },
    { values: [1, 2, 3, 10], median: 2.5, mean: 4 },
  ])("median and mean of $values", ({ values, median: m, mean: a }) => {
    expect(median(values)).toBe(m);
    expect(mean(values)).toBeCloseTo(a);
  });

  it.each([
    { values: [0, 9.99, 10, 55, 99.9, 100], bins: [2, 1, 0, 0, 0, 1, 0, 0, 0, 2] },
    { values: [], bins: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
  ])("bins $values by tenths, 100 in the last bin", ({ values, bins }) => {
    expect(binCounts(values)).toEqual(bins);
  });

  it("takes exercise means over graded submissions only", () => {
    const delta = data.exercises.find((e) => e.id === "05-delta")!;
    expect(delta.mean).toBeCloseTo((deltaMax + deltaMax + 12) / 3);
    expect(delta.complete).toBe(2);
  });

  it("orders the most failed cases, wrong answers before untried ones", () => {
    expect(data.mostFailed.map((f) => [f.key, f.failed, f.notStarted])).toEqual([
      ["05-delta/x", 2, 0],
      ["05-delta/y", 2, 1],
    ]);
  });

  it("counts submissions per misconception, and lists them", () => {
    expect(data.misconceptions).toEqual([{ id: "delta-missing-gprime", count: 2, submissions: ["b", "c"] }]);
  });
});

describe("summary.html", () => {
  const html = summaryHtml(data, rows, { unknown: ["zed"], absent: [] }, new Date("2026-01-01T00:00:00Z"));

  it("draws the histogram with a bar per bin", () => {
    expect(histogramSvg([10, 20]).match(/<rect class="bar"/g)).toHaveLength(10);
    expect(html).toContain('<svg class="chart histogram wide"');
    expect(html).toContain('<svg class="chart histogram narrow"');
  });

  it("names misconceptions from the catalogue, links each submission's feedback, lists roster issues", () => {
    expect(html).toContain("δ without the g′(f) factor");
    expect(html).toContain('Shown by: <a href="b/feedback.html">b</a>, <a href="c/feedback.html">c</a>');
    expect(html).toContain('<a href="a/feedback.html">a</a>');
    expect(html).toContain("<code>zed</code>");
  });

  it("escapes everything taken from rows", () => {
    expect(html).not.toMatch(/<script|<b>3-4-2/);
    expect(html).toContain("&#60;d&#62;");
    expect(html).toContain('href="%3Cd%3E/feedback.html"');
  });

  it("is self-contained", () => {
    expect(html).not.toMatch(/<link|<script|(src|href)="(https?:)?\/\//);
  });

  /** The page as a reader sees it: text only, one space between words. */
  const text = (page: string) =>
    page
      .replace(/<style[\s\S]*?<\/style>/g, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ");

  it.each([
    { label: "one graded submission", rows: [row("b", 30, { diagnoses: ["delta-missing-gprime"] })] },
    { label: "one graded and one refused", rows: [row("b", 30, { diagnoses: ["delta-missing-gprime"] }), rows[3]] },
    { label: "one refused", rows: [rows[3]] },
  ])("counts in the singular where the count is 1: $label", ({ rows: klass }) => {
    const page = text(summaryHtml(summarize(klass, manifest, infos), klass, { unknown: [], absent: [] }, new Date()));
    expect(page).not.toMatch(/\b1 (submissions|graded submissions|without a score are)\b/);
    expect(page).toMatch(new RegExp(`\\b${klass.length} submissions?\\b`));
  });
});
