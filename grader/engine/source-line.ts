/**
 * Internal. Where a submission declares the function a case calls, as
 * "exercises/05-delta/delta.ts:12", so a wrong value points at the code that
 * returned it. Read from the submission's own text on the trusted side.
 */
import type { Manifest } from "../manifest.ts";
import type { ExerciseFiles } from "../sandbox/compile.ts";

/** The export a case's function is, where the names differ. */
const SYMBOL: Record<string, string> = { autodiff: "Value" };

function text(contents: string | Uint8Array): string {
  return typeof contents === "string" ? contents : new TextDecoder().decode(contents);
}

function lineOf(source: string, symbol: string): number | undefined {
  const escaped = symbol.replace(/[^\w$]/g, "");
  const declaration = new RegExp(
    `^[ \\t]*(?:export[ \\t]+)?(?:async[ \\t]+)?(?:function\\*?[ \\t]+${escaped}\\b|class[ \\t]+${escaped}\\b|(?:const|let|var)[ \\t]+${escaped}[ \\t]*[=:])`,
    "m",
  );
  const match = declaration.exec(source);
  if (!match) return undefined;
  let line = 1;
  for (let i = 0; i < match.index; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** Finds each (exercise, fn)'s declaration once: the exercise's own file first, then the rest of its folder. */
export function sourceLocator(
  files: ExerciseFiles,
  manifest: Manifest,
): (exercise: string, fn: string) => string | undefined {
  const found = new Map<string, string | undefined>();
  return (exercise, fn) => {
    const key = `${exercise}\u0000${fn}`;
    if (!found.has(key)) {
      const own = manifest.exercises.find((e) => e.id === exercise);
      const candidates = [...files.keys()]
        .filter((rel) => rel.startsWith(`${exercise}/`))
        .sort((a, b) => Number(b === `${exercise}/${own?.file}`) - Number(a === `${exercise}/${own?.file}`));
      let at: string | undefined;
      for (const rel of candidates) {
        const line = lineOf(text(files.get(rel)!), SYMBOL[fn] ?? fn);
        if (line) {
          at = `exercises/${rel}:${line}`;
          break;
        }
      }
      found.set(key, at);
    }
    return found.get(key);
  };
}
