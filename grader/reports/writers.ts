/**
 * The per-submission reports: feedback.md, feedback.html and gradescope.json,
 * written next to results.json as soon as a submission is graded, each
 * atomically. KaTeX's assets are copied into the results folder once per run.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { writeAtomicSync } from "../batch/atomic.ts";
import type { SubmissionWriter } from "../batch/run-batch.ts";
import type { SubmissionResult } from "../engine/results.ts";
import type { Manifest } from "../manifest.ts";
import { feedbackHtml } from "./feedback-html.ts";
import { feedbackBlocks } from "./feedback-md.ts";
import { toGradescope } from "./gradescope.ts";

/** The files written for each submission, relative to its folder. */
export const REPORT_FILES = ["feedback.md", "feedback.html", "gradescope.json"] as const;

export interface ReportContext {
  /** The results folder, holding one folder per submission and assets/. */
  out: string;
  manifest: Manifest;
}

/** The feedback page's title. */
export function feedbackTitle(result: SubmissionResult): string {
  return `Feedback for ${result.submission}: ${result.score ?? "–"} / ${result.max_score}`;
}

/** Writes one submission's reports into `dir` (results/<id>). */
export async function writeReports(result: SubmissionResult, dir: string, ctx: ReportContext): Promise<void> {
  const blocks = feedbackBlocks(result, ctx.manifest);
  const markdown = blocks.join("\n");
  const title = feedbackTitle(result);
  const gradescope = path.join(dir, "gradescope.json");
  // Written synchronously (see writeAtomicSync); one that fails does not keep the others from being written.
  const failed: unknown[] = [];
  const write = (f: () => void) => {
    try {
      f();
    } catch (error) {
      failed.push(error);
    }
  };
  write(() => writeAtomicSync(path.join(dir, "feedback.md"), markdown));
  write(() => writeAtomicSync(path.join(dir, "feedback.html"), feedbackHtml(blocks, title)));
  // Gradescope needs a score; a submission the machine could not grade has none, so it gets no file
  // (and loses any from an earlier run) rather than a 0.
  write(() =>
    result.score === null
      ? rmSync(gradescope, { force: true })
      : writeAtomicSync(gradescope, JSON.stringify(toGradescope(result, ctx.manifest), null, 2) + "\n"),
  );
  if (failed.length > 0) throw failed[0];
}

/** The writers to hand to runBatch. Each page stands alone: its formulas are MathML, which needs no fonts. */
export function reportWriters(ctx: ReportContext): SubmissionWriter[] {
  return [(result, dir) => writeReports(result, dir, ctx)];
}
