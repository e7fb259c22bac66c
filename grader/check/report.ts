/**
 * Internal. What `npm run check` prints: a line per exercise, progress, then
 * the exercise in focus with its failing cases and a hint. Pure functions of
 * the result, so watch mode and the one-shot command print the same thing.
 */
import type { Exercise, Manifest } from "../manifest.ts";
import type { CaseResult, ExerciseResult } from "../engine/results.ts";
import { renderCompileProblems } from "../engine/grade.ts";
import type { CheckResult } from "./session.ts";

export type Paint = (style: "green" | "red" | "yellow" | "dim" | "bold" | "cyan", text: string) => string;

const MARK: Record<ExerciseResult["status"], [string, Parameters<Paint>[0]]> = {
  complete: ["✓", "green"],
  "in progress": ["◐", "yellow"],
  "not started": ["·", "dim"],
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
  return paint(
    "bold",
    `${done}/${result.exercises.length} exercises complete, ${result.score}/${result.max_score} points`,
  );
}

/** The first exercise that is not complete: where the student is. */
export function firstUnfinished(result: CheckResult): string | undefined {
  return result.exercises.find((e) => e.status !== "complete")?.id;
}

function renderCase(c: CaseResult, paint: Paint): string[] {
  const pts = `${c.max_score} ${c.max_score === 1 ? "pt" : "pts"}`;
  const lines = [`  ${paint("red", "✗")} ${c.fn}: ${c.name} ${paint("dim", `(${pts})`)}`];
  if (c.input) lines.push(`      ${paint("dim", "input:")} ${c.input}`);
  if (c.source) lines.push(`      ${paint("dim", "returned by")} ${c.source}`);
  if (c.trace) lines.push(`      ${paint("dim", "layer by layer:")} ${c.trace}`);
  for (const line of c.message.split("\n")) lines.push(`      ${paint("red", "✖")} ${line}`);
  if (c.diagnosis) {
    lines.push(`      ${paint("yellow", "↳")} ${paint("bold", c.diagnosis.name)}`);
    lines.push(`        ${c.diagnosis.explanation}`);
  }
  return lines;
}

export interface FocusOptions {
  /** Show at most this many failing cases. */
  maxCases: number;
  /** How many hints to show (1 = the first). */
  hints: number;
  /** The command that shows this exercise alone, for "and N more". */
  moreCommand?: string;
}

export function renderFocus(result: CheckResult, exercise: Exercise, paint: Paint, options: FocusOptions): string {
  const e = result.exercises.find((x) => x.id === exercise.id);
  if (!e) return "";
  const file = `exercises/${exercise.id}/${exercise.file}`;
  const out = [paint("bold", `── ${short(e.id)} ${e.title} ──`)];
  if (e.status === "complete") {
    out.push(
      `  ${paint("green", "✓")} every ${result.cases.some((c) => c.visibility === "hidden") ? "" : "public "}case passes.`,
    );
    return out.join("\n");
  }
  if (e.status === "compile error") {
    out.push(`  ${file} does not compile:`);
    for (const line of renderCompileProblems(e.compile_errors ?? []).split("\n")) out.push(`    ${paint("red", line)}`);
  } else if (e.status === "not started") {
    const first = result.cases.find((c) => c.exercise === e.id)?.fn;
    out.push(`  Not started: the functions in ${file} still throw "not implemented".`);
    if (first) out.push(`  Start with ${paint("cyan", first)}; its doc comment gives the shapes.`);
  } else {
    const own = result.cases.filter((c) => c.exercise === e.id && c.status !== "pass");
    const todo = own.filter((c) => c.not_implemented);
    const failing = own.filter((c) => !c.not_implemented);
    for (const c of failing.slice(0, options.maxCases)) out.push(...renderCase(c, paint));
    if (failing.length > options.maxCases) {
      const more = failing.length - options.maxCases;
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
  const hints = exercise.hints.slice(0, Math.max(1, options.hints));
  hints.forEach((hint, i) => out.push(`  ${paint("yellow", `hint ${i + 1}/${exercise.hints.length}:`)} ${hint}`));
  return out.join("\n");
}

export function renderCheck(
  result: CheckResult,
  manifest: Manifest,
  paint: Paint,
  focus: string | undefined,
  options: FocusOptions,
): string {
  const out = result.exercises.map((e) => renderExerciseLine(e, paint));
  out.push("", `  ${renderProgress(result, paint)}`);
  const exercise = manifest.exercises.find((x) => x.id === focus);
  if (exercise) out.push("", renderFocus(result, exercise, paint, options));
  return out.join("\n");
}
