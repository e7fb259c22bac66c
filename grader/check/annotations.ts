/**
 * GitHub Actions error annotations for `check --ci`: one at each failing
 * function of the student's own file (or at each compiler error), so the
 * pushed commit shows the problem where it must be fixed.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Manifest } from "../manifest.ts";
import type { CaseResult } from "../engine/results.ts";
import type { CheckResult } from "./session.ts";

export interface Annotation {
  /** Relative to the working directory (the repository root in CI), with forward slashes. */
  file: string;
  line: number;
  title: string;
  message: string;
}

/** GitHub shows at most 10 error annotations per step; the rest are counted in the last. */
export const MAX_ANNOTATIONS = 10;

function relative(file: string, cwd: string): string {
  return path.relative(cwd, file).split(path.sep).join("/");
}

/** The line of `export function fn` (or class, const) in the source; else the first export; else 1. */
export function exportLine(source: string, fn: string): number {
  const lines = source.split("\n");
  const named = new RegExp(`^\\s*export\\s+(?:default\\s+)?(?:async\\s+)?(?:function\\*?|class|const|let)\\s+${fn}\\b`);
  const at = lines.findIndex((l) => named.test(l));
  if (at >= 0) return at + 1;
  const first = lines.findIndex((l) => /^\s*export\s/.test(l));
  return first >= 0 ? first + 1 : 1;
}

function caseLine(c: CaseResult): string {
  const first = c.message.split("\n")[0] ?? "";
  return `${c.name}: ${c.status === "timeout" ? "timed out" : first}${c.diagnosis ? ` (${c.diagnosis.name})` : ""}`;
}

/** Annotations for the result of checking the exercises in `dir`, paths relative to `cwd`. */
export function annotate(result: CheckResult, manifest: Manifest, dir: string, cwd: string): Annotation[] {
  const out: Annotation[] = [];
  for (const e of manifest.exercises) {
    const ex = result.exercises.find((x) => x.id === e.id);
    if (!ex || ex.status === "complete") continue;
    const file = path.join(dir, e.id, e.file);
    if (ex.compile_errors) {
      for (const p of ex.compile_errors) {
        // The compiler names files as exercises/<path>; the student's copy is under dir.
        const where = path.join(dir, p.file.replace(/^exercises[\\/]?/, ""));
        out.push({
          file: relative(where, cwd),
          line: Math.max(1, p.line),
          title: `${e.id} does not compile`,
          message: p.text,
        });
      }
      continue;
    }
    const source = existsSync(file) ? readFileSync(file, "utf8") : "";
    const failing = result.cases.filter((c) => c.exercise === e.id && c.status !== "pass" && !c.not_implemented);
    for (const fn of [...new Set(failing.map((c) => c.fn))]) {
      const own = failing.filter((c) => c.fn === fn);
      const all = result.cases.filter((c) => c.exercise === e.id && c.fn === fn);
      const lost = own.reduce((s, c) => s + c.max_score, 0);
      out.push({
        file: relative(file, cwd),
        line: exportLine(source, fn),
        title: `${fn}: ${own.length} of ${all.length} cases fail (${lost} ${lost === 1 ? "point" : "points"})`,
        message: own.slice(0, 3).map(caseLine).join("\n"),
      });
    }
  }
  if (out.length > MAX_ANNOTATIONS) {
    const rest = out.length - (MAX_ANNOTATIONS - 1);
    return [
      ...out.slice(0, MAX_ANNOTATIONS - 1),
      { ...out[MAX_ANNOTATIONS - 1], title: `and ${rest} more problems: see the job summary` },
    ];
  }
  return out;
}

// The escaping of GitHub's workflow commands (@actions/core): data, then property values.
function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function formatAnnotation(a: Annotation): string {
  return `::error file=${escapeProperty(a.file)},line=${a.line},title=${escapeProperty(a.title)}::${escapeData(a.message)}`;
}

/**
 * `::warning` annotations at TypeScript's errors, which never cost points but often point at the bug. GitHub
 * shows at most 10 warnings per step, so the tenth says how many more there are.
 */
export function typeWarningAnnotations(result: CheckResult, dir: string, cwd: string): string[] {
  const warnings = result.type_warnings ?? [];
  return warnings.slice(0, MAX_ANNOTATIONS).map((w, i) => {
    const file = relative(path.join(dir, w.file.replace(/^exercises[\\/]?/, "")), cwd);
    const more = warnings.length - MAX_ANNOTATIONS;
    const title =
      i === MAX_ANNOTATIONS - 1 && more > 0
        ? `and ${more} more type errors: run npm run check`
        : `TS${w.code} (a type error: the score does not change)`;
    return `::warning file=${escapeProperty(file)},line=${w.line},col=${w.column},title=${escapeProperty(title)}::${escapeData(w.text)}`;
  });
}
