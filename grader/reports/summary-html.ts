/**
 * Internal. results/summary.html for the TA: the class at a glance. One
 * self-contained file (inline CSS and SVG, no script, no fonts, no network).
 */
import { hasScore, type Row } from "../batch/gradebook.ts";
import { CATALOGUE } from "../misconceptions/catalogue.ts";
import { relationName } from "../misconceptions/relations.ts";
import { escapeHtml as h, htmlPage } from "./html-page.ts";
import { renderInline } from "./markdown.ts";
import { mathText } from "./notation.ts";
import type { RosterEntry } from "./roster.ts";
import type { SummaryData } from "./summary-data.ts";
import { barSvg, histogramSvg, NARROW, WIDE } from "./svg.ts";

/**
 * On a phone: the narrow histogram instead of the wide one scaled down to 5 px labels, and half-width bars (they
 * stretch: preserveAspectRatio none), so the tables fit or scroll in their own box.
 */
const CSS = `<style>
.chart.narrow { display: none; }
@media (max-width: 600px) {
  .chart.wide { display: none; }
  .chart.narrow { display: block; }
  svg.bar { width: 72px; }
}
</style>`;

const GREEN = "#4c9a5f";
const RED = "#cf6b5b";
const GREY = "#b8c0c8";

export interface RosterIssues {
  /** Submissions that no roster line names. */
  unknown: string[];
  /** Roster students with no submission. */
  absent: RosterEntry[];
}

const pct = (v: number) => `${Math.round(v)}%`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** A status as words, as feedback.html says it: "compile error", not compile_error. */
export const statusWords = (status: string) => status.replace(/_/g, " ");
/** Kit text (a misconception's name, its explanation) with its W^[l], δ^[l] typeset as in feedback.html. */
const kitText = (s: string) => renderInline(mathText(s));
const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

function cards(d: SummaryData): string {
  const n = d.graded.length;
  const card = (value: string, label: string) => `<div class="card"><b>${value}</b><span>${label}</span></div>`;
  return `<div class="cards">${[
    card(String(d.total), d.total === 1 ? "submission" : "submissions"),
    card(String(n), "graded: every figure is over these"),
    card(pct(d.medianPercent), `median score, of ${n} graded`),
    card(pct(d.meanPercent), `mean score, of ${n} graded`),
    card(String(d.full), `full marks, of ${n} graded`),
    card(String(d.refused.length), "refused: no score"),
    card(String(d.graderErrors.length), "grader errors: no score, graded again next run"),
  ].join("")}</div>`;
}

/** The submissions without a score, refused apart from those the grader failed on, with the reason. */
function notGraded(d: SummaryData): string {
  const list = (rows: Row[]) =>
    `<ul>${rows.map((r) => `<li><code>${h(r.submission)}</code>${r.note ? `: ${h(r.note.length > 200 ? `${r.note.slice(0, 200)}…` : r.note)}` : ""}</li>`).join("")}</ul>`;
  const refused = d.refused.length
    ? `<p><b>${plural(d.refused.length, "submission was", "submissions were")} refused</b>: not graded, no score, a blank cell in canvas.csv. Ask the student for a new submission.</p>${list(d.refused)}`
    : `<p>No submission was refused.</p>`;
  const errors = d.graderErrors.length
    ? `<p><b>The grader could not grade ${plural(d.graderErrors.length, "submission", "submissions")}</b> (machine trouble, not the student's doing): no score, a blank cell in canvas.csv. Run <code>npm run grade</code> again to grade ${d.graderErrors.length === 1 ? "it" : "them"}.</p>${list(d.graderErrors)}`
    : `<p>The grader graded every submission it was given.</p>`;
  return `<h2 id="not-graded">Not graded</h2>${refused}${errors}`;
}

function exerciseTable(d: SummaryData): string {
  const n = d.graded.length;
  const rows = d.exercises.map(
    (e) => `<tr><td>${h(e.id.slice(0, 2))} · ${h(e.title)}${e.bonus ? " <em>(bonus)</em>" : ""}</td>
<td style="text-align:right">${num(e.mean)} / ${e.max}</td><td style="text-align:right">${num(e.median)} / ${e.max}</td>
<td style="text-align:right">${e.complete} / ${n}</td>
<td>${barSvg([{ value: e.mean, colour: GREEN, label: `mean ${num(e.mean)} of ${e.max} points` }], e.max)}</td></tr>`,
  );
  return `<table><thead><tr><th>Exercise</th><th style="text-align:right">Mean</th><th style="text-align:right">Median</th>
<th style="text-align:right">Complete</th><th>Mean, of the exercise's points</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function failedTable(d: SummaryData): string {
  if (d.mostFailed.length === 0) return `<p>Every submission passed every case.</p>`;
  const rows = d.mostFailed.map((f, i) => {
    const wrong = f.failed - f.notStarted;
    const bar = barSvg(
      [
        { value: wrong, colour: RED, label: `${wrong} wrong or erroring` },
        { value: f.notStarted, colour: GREY, label: `${f.notStarted} not started` },
      ],
      d.graded.length,
    );
    return `<tr><td style="text-align:right">${i + 1}</td><td>${h(f.info?.name ?? f.key)}<br><span class="note">${h(f.key)}</span></td>
<td>${h(f.info?.visibility ?? "")}</td><td style="text-align:right">${f.failed} / ${d.graded.length}</td>
<td>${bar}<br><span class="note">${wrong} wrong, ${f.notStarted} not started</span></td></tr>`;
  });
  return `<p class="note">Bars: <span class="mark bad">■</span> a wrong answer, an error or a timeout;
<span class="mark todo">■</span> the function was not started.</p>
<table><thead><tr><th style="text-align:right">#</th><th>Case</th><th>Kind</th><th style="text-align:right">Failed</th>
<th>Of the class</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** A row under a misconception listing the submissions that showed it, each linked to its feedback. */
function shownBy(submissions: string[]): string {
  const links = submissions.map((s) => `<a href="${h(`${encodeURIComponent(s)}/feedback.html`)}">${h(s)}</a>`);
  return `<tr><td colspan="4" class="note">Shown by: ${links.join(", ")}</td></tr>`;
}

function misconceptionTable(d: SummaryData): string {
  if (d.misconceptions.length === 0) return `<p>No named misconception matched a wrong answer in this class.</p>`;
  const names = new Map(CATALOGUE.map((m) => [m.id, m]));
  const rows = d.misconceptions.map(({ id, count }) => {
    const m = names.get(id) ?? { name: relationName(id) ?? id, explanation: "", exercise: "" };
    return `<tr><td><b>${kitText(m?.name ?? id)}</b><br><span class="note">${kitText(m?.explanation ?? "")}</span></td>
<td>${h(m?.exercise ?? "")}</td><td style="text-align:right">${count} / ${d.graded.length}</td>
<td>${barSvg([{ value: count, colour: RED, label: plural(count, "submission", "submissions") }], d.graded.length)}</td></tr>`;
  });
  return `<table><thead><tr><th>Misconception</th><th>Exercise</th><th style="text-align:right">Submissions</th><th></th></tr></thead>
<tbody>${rows.map((row, i) => row + shownBy(d.misconceptions[i].submissions)).join("")}</tbody></table>`;
}

function rosterSection(issues: RosterIssues | undefined): string {
  if (!issues) return "";
  const unknown = issues.unknown.length
    ? `<p><b>${plural(issues.unknown.length, "submission is", "submissions are")} not on the roster</b> (so not in canvas.csv): ${issues.unknown.map((s) => `<code>${h(s)}</code>`).join(", ")}</p>`
    : `<p>Every submission is on the roster.</p>`;
  const absent = issues.absent.length
    ? `<p><b>${plural(issues.absent.length, "student on the roster has", "students on the roster have")} no submission:</b> ${issues.absent.map((e) => `${h(e.student || e.id)} (<code>${h(e.submission)}</code>)`).join(", ")}</p>`
    : `<p>Every roster student has a submission.</p>`;
  return `<h2 id="roster">Roster</h2>${unknown}${absent}`;
}

function submissionTable(rows: Row[]): string {
  const body = [...rows]
    .sort((a, b) => a.submission.localeCompare(b.submission))
    .map((r) => {
      const scored = hasScore(r);
      const percent = scored && r.max_score > 0 ? (100 * r.score!) / r.max_score : 0;
      const link = `${encodeURIComponent(r.submission)}/feedback.html`;
      return `<tr><td class="id"><a href="${h(link)}">${h(r.submission)}</a></td><td class="status-${h(r.grading_status)}">${h(statusWords(r.grading_status))}</td>
<td style="text-align:right">${scored ? num(r.score!) : "–"} / ${r.max_score}</td>
<td>${scored ? barSvg([{ value: percent, colour: percent >= 70 ? GREEN : percent >= 40 ? "#d9a441" : RED, label: pct(percent) }], 100, 120) : ""}</td>
<td class="note">${h(r.note.length > 160 ? `${r.note.slice(0, 160)}…` : r.note)}</td></tr>`;
    });
  return `<table><thead><tr><th>Submission</th><th>Status</th><th style="text-align:right">Score</th><th></th><th>Note</th></tr></thead>
<tbody>${body.join("")}</tbody></table>`;
}

export function summaryHtml(
  d: SummaryData,
  rows: Row[],
  issues?: RosterIssues,
  generatedAt = new Date(),
  similarity = false,
): string {
  const statuses = d.statusCounts.map(([s, n]) => `${n} ${h(statusWords(s))}`).join(", ");
  const body = `${CSS}<h1>Class summary</h1>
<p>${plural(d.total, "submission", "submissions")} (${statuses || "none"}) · ${h(generatedAt.toISOString().slice(0, 16).replace("T", " "))} UTC</p>
<p class="note">Every figure below is over the ${plural(d.graded.length, "graded submission", "graded submissions")}; the ${plural(d.total - d.graded.length, "without a score is", "without a score are")} listed under <a href="#not-graded">Not graded</a>.</p>
${cards(d)}
${similarity ? `<p><a href="similarity.html">Similarity report</a>: which submissions share code, per exercise.</p>` : ""}
<h2 id="scores">Scores</h2>
<p class="note">Each of the ${plural(d.graded.length, "graded submission", "graded submissions")} as a percentage of its maximum${d.percents.some((p) => p > 100) ? "; bonus points take some above 100%, counted in the top bar" : ""}.</p>
${histogramSvg(d.percents, 10, WIDE)}${histogramSvg(d.percents, 10, NARROW)}
<h2 id="exercises">Exercises</h2>
<p class="note">Over the ${plural(d.graded.length, "graded submission", "graded submissions")}.</p>
${exerciseTable(d)}
<h2 id="most-failed">${d.mostFailed.length === 1 ? "The case" : `The ${d.mostFailed.length} cases`} failed most</h2>
${failedTable(d)}
<h2 id="misconceptions">Misconceptions to re-teach</h2>
${misconceptionTable(d)}
${notGraded(d)}
${rosterSection(issues)}
<h2 id="submissions">Submissions</h2>
${submissionTable(rows)}
<footer>Written by <code>npm run grade</code>. Each submission's folder holds results.json, feedback.html and gradescope.json.</footer>`;
  return htmlPage({ title: `Class summary: ${plural(d.total, "submission", "submissions")}`, body });
}
