/**
 * The GitHub Actions job summary of `check --ci`: the total, then a markdown
 * table per exercise with every case, and the hidden cases this copy cannot
 * grade named as "graded by your instructor" rather than failed.
 */
import type { Manifest } from "../manifest.ts";
import { pointsText } from "../reports/extra-credit.ts";
import type { CaseResult, ExerciseResult } from "../engine/results.ts";
import { renderCompileProblems } from "../engine/grade.ts";
import type { CheckResult } from "./session.ts";
import type { HiddenCount } from "./sealed.ts";

const MARK: Record<ExerciseResult["status"], string> = {
  complete: "✅",
  "in progress": "🟡",
  "not started": "⚪",
  "not submitted": "➖",
  "compile error": "❌",
};

const MAX_CELL = 300;

/**
 * A table cell: one line, no pipes, no HTML, no markup, not too long. GitHub's markdown would read the `_` of two
 * positions (`dW^[1]_{1,1} … dW^[1]_{1,2}`) as emphasis and eat them, and `$…$` as a formula, so every character that
 * can be markup is escaped and shows as itself.
 */
export function cell(text: string): string {
  const one = text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
  return one
    .replace(/[\\`*_[\]~$!#]/g, "\\$&")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/\r?\n/g, "<br>");
}

function caseRow(c: CaseResult): string {
  const mark = c.status === "pass" ? "✅" : c.not_implemented ? "⚪" : c.not_submitted ? "➖" : "❌";
  const what = c.status === "pass" ? "pass" : c.not_implemented ? "not implemented yet" : c.message || c.status;
  const why = c.diagnosis ? `${cell(what)}<br>↳ **${cell(c.diagnosis.name)}**` : cell(what);
  const hidden = c.visibility === "hidden" ? " (hidden)" : "";
  return `| ${mark} ${cell(c.name)}${hidden} | \`${c.fn}\` | ${c.score}/${c.max_score} | ${why} |`;
}

export interface SummaryOptions {
  /** Hidden cases per exercise, shown as not graded here when `hiddenGraded` is false. */
  hidden: Record<string, HiddenCount>;
  hiddenGraded: boolean;
}

export function renderSummary(result: CheckResult, manifest: Manifest, options: SummaryOptions): string {
  const done = result.exercises.filter((e) => e.status === "complete").length;
  const scope = options.hiddenGraded ? "public and hidden cases" : "public cases";
  const out = [
    `## backprop-kit check: ${pointsText(result)}`,
    "",
    `${done} of ${result.exercises.length} exercises complete, on the ${scope}.`,
    "",
  ];
  for (const e of manifest.exercises) {
    const ex = result.exercises.find((x) => x.id === e.id);
    if (!ex) continue;
    const bonus = ex.bonus ? " (bonus)" : "";
    out.push(`### ${MARK[ex.status]} ${e.id.slice(0, 2)} ${e.title}${bonus}: ${ex.score}/${ex.max_score}`, "");
    if (ex.compile_errors) {
      out.push("Does not compile:", "", "```", renderCompileProblems(ex.compile_errors), "```", "");
    }
    out.push("| case | function | points | result |", "| --- | --- | --: | --- |");
    for (const c of result.cases.filter((x) => x.exercise === e.id)) out.push(caseRow(c));
    const sealed = options.hidden[e.id];
    if (!options.hiddenGraded && sealed && sealed.cases > 0) {
      out.push(`| 🔒 ${hiddenText(sealed)} | | –/${sealed.points} | graded by your instructor |`);
    }
    out.push("");
  }
  return out.join("\n");
}

export function hiddenText(count: HiddenCount): string {
  return `${count.cases} hidden ${count.cases === 1 ? "case" : "cases"} (${count.points} ${count.points === 1 ? "point" : "points"})`;
}
