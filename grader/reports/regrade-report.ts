/**
 * Internal. regrade.csv and regrade.html: what a regrade changed, for the TA to read before publishing. One row per
 * student (old, new and final score, the cases that flipped); the page groups the flipped students by the case or
 * change that flipped them.
 */
import path from "node:path";
import { writeAtomic } from "../batch/atomic.ts";
import { csv } from "../batch/gradebook.ts";
import { byCause, type Flip, type Policy, type StudentDiff } from "../batch/regrade.ts";
import { stripControls } from "../sanitize.ts";
import { escapeHtml, htmlPage } from "./html-page.ts";
import { OUT_NAMES } from "../batch/out-names.ts";

const cell = (n: number | null) => (n === null ? "" : n);
const side = (s: Flip["before"]) => (s ? `${s.status} ${s.score}` : "absent");
const flipText = (f: Flip) => `${f.key}: ${side(f.before)} → ${side(f.after)}`;

export function regradeCsv(students: StudentDiff[]): string {
  const header = ["submission", "old_score", "new_score", "final_score", "change", "max_score", "flipped", "cases"];
  const rows = students.map((s) => [
    s.submission,
    cell(s.old),
    cell(s.new),
    cell(s.final),
    s.old !== null && s.new !== null ? s.new - s.old : "",
    s.max,
    s.flips.length,
    s.flips.map(flipText).join("; "),
  ]);
  return csv([header, ...rows]);
}

const h = (s: string) => escapeHtml(stripControls(s, true));
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function studentTable(students: StudentDiff[], cause?: string): string {
  const rows = students.map((s) => {
    const flips = s.flips.filter((f) => cause === undefined || f.cause === cause);
    const change = s.old !== null && s.new !== null ? signed(s.new - s.old) : "";
    return (
      `<tr><td>${h(s.submission)}</td><td style="text-align:right">${cell(s.old)}</td>` +
      `<td style="text-align:right">${cell(s.new)}</td><td style="text-align:right">${change}</td>` +
      `<td style="text-align:right">${cell(s.final)}</td>` +
      `<td>${flips.map((f) => `<code>${h(f.key)}</code> ${h(side(f.before))} → ${h(side(f.after))}`).join("<br>")}</td></tr>`
    );
  });
  return (
    `<table><thead><tr><th>Submission</th><th style="text-align:right">Old</th><th style="text-align:right">New</th>` +
    `<th style="text-align:right">Change</th><th style="text-align:right">Final</th><th>Cases that flipped</th></tr>` +
    `</thead><tbody>${rows.join("")}</tbody></table>`
  );
}

export function regradeHtml(students: StudentDiff[], policy: Policy, changedCases: string[]): string {
  const flipped = students.filter((s) => s.flips.length > 0);
  const up = flipped.filter((s) => (s.new ?? 0) > (s.old ?? 0)).length;
  const down = flipped.filter((s) => (s.new ?? 0) < (s.old ?? 0)).length;
  const parts = [
    `<h1>Regrade</h1>`,
    `<p><strong>${flipped.length}</strong> of ${students.length} ${students.length === 1 ? "student" : "students"} ${flipped.length === 1 ? "has" : "have"} cases that flipped: ${up} up, ` +
      `${down} down. Scores for the LMS follow the policy <code>${h(policy)}</code>.</p>`,
  ];
  if (changedCases.length > 0)
    parts.push(`<p>Cases that changed: ${changedCases.map((k) => `<code>${h(k)}</code>`).join(", ")}.</p>`);
  for (const group of byCause(flipped)) {
    parts.push(
      `<h2>${h(group.cause)}: ${group.students.length} ${group.students.length === 1 ? "student" : "students"}</h2>`,
    );
    parts.push(studentTable(group.students, group.cause));
  }
  if (flipped.length === 0) parts.push("<p>No case flipped for any student: the new results match the old.</p>");
  parts.push(`<h2>Every student</h2>`, studentTable(students));
  return htmlPage({ title: "Regrade", body: parts.join("\n") });
}

export async function writeRegradeReports(
  out: string,
  students: StudentDiff[],
  policy: Policy,
  changedCases: string[],
): Promise<void> {
  await writeAtomic(path.join(out, OUT_NAMES.regradeCsv), regradeCsv(students));
  await writeAtomic(path.join(out, OUT_NAMES.regradeHtml), regradeHtml(students, policy, changedCases));
}
