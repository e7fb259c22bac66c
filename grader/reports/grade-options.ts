/**
 * Internal. The grade command's report options (--roster, --assignment) and
 * its report steps, kept here so that grade.ts only wires them in.
 */
import { Option } from "commander";
import path from "node:path";
import type { SubmissionWriter } from "../batch/run-batch.ts";
import { noScoreReason, type Row } from "../batch/gradebook.ts";
import type { Manifest } from "../manifest.ts";
import { DEFAULT_ASSIGNMENT } from "./canvas.ts";
import { writeSummary, type ClassSummary } from "./class-summary.ts";
import { loadRoster, type RosterEntry } from "./roster.ts";
import { reportWriters } from "./writers.ts";
import { terminalText } from "../sanitize.ts";
import { OUT_NAMES } from "../batch/out-names.ts";

export function rosterOption(): Option {
  return new Option(
    "--roster <file>",
    "a CSV mapping submissions to students (columns: submission, student, id, sis_user_id, sis_login_id, section; separated by commas, ; or tabs); writes canvas.csv",
  );
}

export function assignmentOption(): Option {
  return new Option(
    "--assignment <title>",
    "the assignment's column title in canvas.csv: it must match the existing Canvas assignment's name exactly, or Canvas's import makes a new assignment",
  ).default(DEFAULT_ASSIGNMENT);
}

export interface ReportSteps {
  writers: SubmissionWriter[];
  /** With a roster, writes canvas.csv and the summary's roster section; prints where the reports are. */
  finish(rows: Row[]): Promise<void>;
}

/** The submissions without a score, for the TA: refused ones apart from those the grader failed on. */
export function notGradedLines(rows: Row[], canvas: boolean): string[] {
  const blank = canvas ? " (a blank cell in canvas.csv)" : "";
  const sorted = [...rows].sort((a, b) => (a.submission < b.submission ? -1 : 1));
  const refused = sorted.filter((r) => noScoreReason(r) === "refused");
  const failed = sorted.filter((r) => noScoreReason(r) === "grader");
  const lines: string[] = [];
  if (refused.length > 0)
    lines.push(
      `Refused, so no score${blank}; ask the student for a new submission:`,
      ...refused.map((r) => `  ${r.submission}: ${r.note}`),
    );
  if (failed.length > 0)
    lines.push(
      `Not graded because the grader failed (not the student's doing), so no score${blank}; run the same command again to grade them:`,
      ...failed.map((r) => `  ${r.submission}: ${r.note}`),
    );
  return lines;
}

function describe(done: ClassSummary, rows: Row[]): string[] {
  const rel = (file: string) => path.relative(process.cwd(), file) || ".";
  const lines = [
    ...notGradedLines(rows, done.canvas !== undefined),
    `Reports: ${rel(done.summary)}, and feedback.html and gradescope.json per submission.`,
  ];
  if (done.canvas) lines.push(`Canvas: ${rel(done.canvas)}.`);
  if (done.issues?.unknown.length)
    lines.push(`Not on the roster, so left out of canvas.csv: ${done.issues.unknown.join(", ")}.`);
  if (done.issues?.absent.length) {
    const who = done.issues.absent.map((e) => `${e.student || e.id} (${e.submission})`);
    lines.push(`On the roster with no submission: ${who.join(", ")}.`);
  }
  return lines;
}

/** Reads the roster up front, so a bad one fails before a long run rather than after it. */
export async function reportSteps(
  opts: { roster?: string; assignment?: string },
  out: string,
  manifest: Manifest,
): Promise<ReportSteps> {
  const entries: RosterEntry[] | undefined = opts.roster ? await loadRoster(opts.roster) : undefined;
  return {
    writers: reportWriters({ out, manifest }),
    async finish(rows) {
      // The batch has written summary.html already; with a roster it is rewritten with its roster section.
      const roster = entries ? { entries, assignment: opts.assignment } : undefined;
      const done = roster
        ? await writeSummary(out, manifest, rows, roster)
        : { summary: path.join(out, OUT_NAMES.summary), backfilled: 0 };
      process.stdout.write(
        describe(done, rows)
          .map((line) => terminalText(line, Infinity))
          .join("\n") + "\n",
      );
    },
  };
}
