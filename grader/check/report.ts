/**
 * Internal. What `npm run check` prints: a line per exercise, progress, then
 * the exercise in focus with its failing cases and a hint. Pure functions of
 * the result, so watch mode and the one-shot command print the same thing.
 */
import { pointsText } from "../reports/extra-credit.ts";
import type { Exercise, Manifest } from "../manifest.ts";
import type { CaseResult, ExerciseResult, TypeWarning } from "../engine/results.ts";
import { renderCompileProblems } from "../engine/grade.ts";
import { hintsFor } from "./hints.ts";
import { upstreamSentence } from "../engine/upstream.ts";
import { renderTypeWarning } from "./typecheck.ts";
import type { CheckResult } from "./session.ts";

export type Paint = (style: "green" | "red" | "yellow" | "dim" | "bold" | "cyan", text: string) => string;

const MARK: Record<ExerciseResult["status"], [string, Parameters<Paint>[0]]> = {
  complete: ["✓", "green"],
  "in progress": ["◐", "yellow"],
  "not started": ["·", "dim"],
  "not submitted": ["–", "dim"],
  "compile error": ["✗", "red"],
};

function short(id: string): string {
  return id.slice(0, 2);
}

export function renderExerciseLine(e: ExerciseResult, paint: Paint): string {
  const [mark, colour] = MARK[e.status];
  const title = `${e.title}${e.bonus ? " (bonus)" : ""}`.padEnd(48);
  const points = `${e.score}/${e.max_score}`.padStart(7);
  return `  ${paint(colour, mark)} ${short(e.id)} ${title}${points}  ${paint(colour, e.status)}`;
}

export function renderProgress(result: CheckResult, paint: Paint): string {
  const done = result.exercises.filter((e) => e.status === "complete").length;
  const exercises = `${done}/${result.exercises.length} exercises complete`;
  return paint("bold", `${exercises}, ${pointsText(result)}`);
}

/** Said when every exercise checked is complete: the work is done, and it should feel like it. */
export function renderFinished(result: CheckResult, paint: Paint): string[] {
  if (result.exercises.length === 0 || result.exercises.some((e) => e.status !== "complete")) return [];
  const all = result.exercises.length;
  const what =
    all === 1
      ? `${result.exercises[0].title}: done, and every case passes.`
      : `All ${all} exercises are done, and every case passes.`;
  const lines = [`  ${paint("green", "✓")} ${paint("bold", what)}`];
  if (all > 1)
    lines.push(
      "    You have built backpropagation from the perceptron up: forward pass, the δ recursion, the weight",
      "    gradients, gradient descent, a gradient check and reverse-mode autodiff. Well done!",
    );
  return lines;
}

/** The first exercise that is not complete: where the student is. */
export function firstUnfinished(result: CheckResult): string | undefined {
  return result.exercises.find((e) => e.status !== "complete")?.id;
}

function renderCase(c: CaseResult, paint: Paint): string[] {
  const pts = `${c.max_score} ${c.max_score === 1 ? "pt" : "pts"}`;
  const rules = c.rules?.length ? ` ${paint("dim", `[${c.rules.join(", ")}]`)}` : "";
  const lines = [`  ${paint("red", "✗")} ${c.fn}: ${c.name} ${paint("dim", `(${pts})`)}${rules}`];
  if (c.input) lines.push(`      ${paint("dim", "input:")} ${c.input}`);
  if (c.source) lines.push(`      ${paint("dim", "returned by")} ${c.source}`);
  if (c.trace) lines.push(`      ${paint("dim", "layer by layer:")} ${c.trace}`);
  // Where the failure comes from, before what it looks like.
  const upstream = upstreamSentence(c);
  if (upstream) lines.push(`      ${paint("yellow", "↳")} ${upstream}`);
  for (const line of c.message.split("\n")) lines.push(`      ${paint("red", "✖")} ${line}`);
  // The explanation is given once, above the cases; here only which mistake this answer matches.
  if (c.diagnosis) lines.push(`      ${paint("yellow", "↳")} ${c.diagnosis.name}`);
  return lines;
}

/** Failing cases in order, those naming the same mistake gathered under its first case. */
function groupByMistake(failing: CaseResult[]): CaseResult[][] {
  const units: CaseResult[][] = [];
  const byMistake = new Map<string, CaseResult[]>();
  for (const c of failing) {
    const unit = c.diagnosis ? byMistake.get(c.diagnosis.id) : undefined;
    if (unit) unit.push(c);
    else {
      units.push([c]);
      if (c.diagnosis) byMistake.set(c.diagnosis.id, units.at(-1)!);
    }
  }
  return units;
}

export interface FocusOptions {
  /** Show at most this many failing cases. */
  maxCases: number;
  /** How many hints to show (1 = the first). */
  hints: number;
  /** The command that shows this exercise alone, for "and N more". */
  moreCommand?: string;
}

/** The exported names the student's file lacks, from the cases that could not call them. */
export function missingExports(cases: readonly CaseResult[]): string[] {
  return [...new Set(cases.flatMap((c) => (c.missing_export ? [c.missing_export] : [])))];
}

/** Type errors in an exercise's own folder. */
export function ownWarnings(result: CheckResult, id: string): TypeWarning[] {
  return (result.type_warnings ?? []).filter((w) => w.file.startsWith(`exercises/${id}/`));
}

const MAX_WARNINGS_SHOWN = 5;

function renderWarnings(warnings: TypeWarning[], paint: Paint): string[] {
  if (warnings.length === 0) return [];
  const out = [
    `  ${paint("yellow", "⚠")} ${warnings.length} type ${warnings.length === 1 ? "error" : "errors"} (TypeScript; a warning, the score does not change):`,
  ];
  for (const w of warnings.slice(0, MAX_WARNINGS_SHOWN)) {
    const [first, ...rest] = renderTypeWarning(w).split("\n");
    out.push(`    ${paint("yellow", first)}`, ...rest.map((line) => `      ${line}`));
  }
  if (warnings.length > MAX_WARNINGS_SHOWN)
    out.push(paint("dim", `    … and ${warnings.length - MAX_WARNINGS_SHOWN} more`));
  return out;
}

/** The exercise's section: the blocking problem first, then the named mistakes, the failing cases, warnings, hints. */
export function renderFocus(result: CheckResult, exercise: Exercise, paint: Paint, options: FocusOptions): string {
  const e = result.exercises.find((x) => x.id === exercise.id);
  if (!e) return "";
  const file = `exercises/${exercise.id}/${exercise.file}`;
  const out = [paint("bold", `── ${short(e.id)} ${e.title} ──`)];
  const own = result.cases.filter((c) => c.exercise === e.id);
  const warnings = renderWarnings(ownWarnings(result, e.id), paint);
  if (e.status === "complete") {
    out.push(
      `  ${paint("green", "✓")} every ${own.some((c) => c.visibility === "hidden") ? "" : "public "}case passes.`,
    );
    return [...out, ...warnings].join("\n");
  }
  const missing = missingExports(own);
  if (e.status === "compile error") {
    out.push(`  ${file} does not compile, so none of its cases could run:`);
    for (const line of renderCompileProblems(e.compile_errors ?? []).split("\n")) out.push(`    ${paint("red", line)}`);
  } else if (missing.length > 0) {
    const names = missing.map((m) => `\`${m}\``).join(", ");
    const blocked = own.filter((c) => c.missing_export).length;
    out.push(
      `  ${paint("red", "✗")} your file does not export ${names}: ${blocked} ${blocked === 1 ? "case" : "cases"} could not call it.`,
      `    Keep the stub's exported names (${file}).`,
    );
  }
  if (e.status === "not started") {
    const first = own[0]?.fn;
    out.push(`  Not started: the functions in ${file} still throw "not implemented".`);
    if (first) out.push(`  Start with ${paint("cyan", first)}; its doc comment gives the shapes.`);
  } else if (e.status !== "compile error") {
    const lost = own.filter((c) => c.status !== "pass" && !c.missing_export);
    const todo = lost.filter((c) => c.not_implemented);
    const failing = lost.filter((c) => !c.not_implemented);
    const named = new Map(failing.flatMap((c) => (c.diagnosis ? [[c.diagnosis.id, c.diagnosis] as const] : [])));
    for (const d of named.values()) {
      out.push(`  ${paint("yellow", "↳ likely mistake:")} ${paint("bold", d.name)}`, `    ${d.explanation}`);
    }
    // A mistake seen in several cases is shown once, on its first case, with the others listed after it.
    const units = groupByMistake(failing);
    for (const unit of units.slice(0, options.maxCases)) {
      out.push(...renderCase(unit[0], paint));
      if (unit.length > 1) {
        const others = unit.slice(1).map((c) => `${c.name} (${c.max_score} ${c.max_score === 1 ? "pt" : "pts"})`);
        out.push(
          `  ${paint("red", "✗")} the same mistake in ${unit.length - 1} more ${unit.length === 2 ? "case" : "cases"}: ${others.join("; ")}`,
        );
      }
    }
    const shownCases = units.slice(0, options.maxCases).reduce((n, u) => n + u.length, 0);
    if (failing.length > shownCases) {
      const more = failing.length - shownCases;
      out.push(
        paint(
          "dim",
          `  … and ${more} more failing ${more === 1 ? "case" : "cases"}${options.moreCommand ? `: ${options.moreCommand}` : ""}`,
        ),
      );
    }
    if (todo.length > 0) {
      const fns = [...new Set(todo.map((c) => c.fn))].join(", ");
      out.push(
        `  ${paint("dim", "·")} not started yet: ${fns} (${todo.length} ${todo.length === 1 ? "case" : "cases"})`,
      );
    }
  }
  out.push(...warnings);
  const hints = hintsFor(exercise, own);
  const shown = hints.slice(0, Math.max(1, options.hints));
  shown.forEach((hint, i) => out.push(`  ${paint("yellow", `hint ${i + 1}/${hints.length}:`)} ${hint.text}`));
  if (options.hints > hints.length && hints.length > 0) {
    const about = hints.length < exercise.hints.length ? " for what is failing" : "";
    out.push(
      paint(
        "dim",
        `  No more hints${about}: ${hints.length === 1 ? "that is the only one" : `those are all ${hints.length}`}. The guide, exercises/${exercise.id}/README.md, has the rules and a worked example.`,
      ),
    );
  }
  return out.join("\n");
}

/** The lines under an exercise in the overview: what blocks it, in one line, and its type errors. */
export function renderNotes(result: CheckResult, e: ExerciseResult, paint: Paint): string[] {
  const out: string[] = [];
  const first = e.compile_errors?.[0];
  if (first) out.push(`       ${paint("red", renderCompileProblems([first]))}`);
  const missing = missingExports(result.cases.filter((c) => c.exercise === e.id));
  if (missing.length > 0) {
    out.push(`       ${paint("red", `your file does not export ${missing.map((m) => `\`${m}\``).join(", ")}`)}`);
  }
  const warnings = ownWarnings(result, e.id);
  if (warnings.length > 0) {
    const where = `${warnings[0].file}:${warnings[0].line}`;
    const n = warnings.length;
    out.push(
      `       ${paint("yellow", `⚠ ${n} type ${n === 1 ? "error" : "errors"}, first at ${where} (the score does not change)`)}`,
    );
  }
  return out;
}

export function renderCheck(
  result: CheckResult,
  manifest: Manifest,
  paint: Paint,
  focus: string | undefined,
  options: FocusOptions,
): string {
  const out = result.exercises.flatMap((e) => [
    renderExerciseLine(e, paint),
    ...(e.id === focus ? [] : renderNotes(result, e, paint)),
  ]);
  out.push("", `  ${renderProgress(result, paint)}`);
  const finished = renderFinished(result, paint);
  if (finished.length > 0) out.push("", ...finished);
  const exercise = manifest.exercises.find((x) => x.id === focus);
  if (exercise) out.push("", renderFocus(result, exercise, paint, options));
  if (result.type_check_skipped)
    out.push("", `  ${paint("yellow", `⚠ type check skipped: ${result.type_check_skipped}`)}`);
  return out.join("\n");
}
