/**
 * Internal. Completes a submission that lacks some exercise files (a student who uploads delta.ts and forward.ts
 * only): each missing exercise is "not submitted", and its file is filled in so that the exercises that were handed
 * in still compile. What fills it is the manifest's `missing_imports`: the course's stub (the default) or, for an
 * exercise that a submitted one imports, the reference solution where the kit holds it.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Manifest, MissingImports } from "../manifest.ts";
import { paths } from "../paths.ts";

/** A submitted exercise that imports one the student did not hand in. */
export interface Borrowed {
  /** The importing exercise, e.g. 06-gradients. */
  exercise: string;
  /** The exercise it imports, e.g. 04-forward, and its file name. */
  from: string;
  file: string;
  /** What stood in for the missing file. */
  with: MissingImports;
}

export interface Completed {
  files: Map<string, Buffer>;
  /** Exercise ids whose file the submission lacks: they score nothing, as "not submitted". */
  notSubmitted: string[];
  borrowed: Borrowed[];
}

/** `../04-forward/forward` and the like, in import and export statements and dynamic imports. */
const IMPORTED = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']\.\.\/(\d\d-[a-z0-9-]+)\//g;

/** The exercise ids a source file imports from, by their folders. */
export function importedExercises(source: string): string[] {
  return [...new Set([...source.matchAll(IMPORTED)].map((m) => m[1]))];
}

/**
 * The submission's files with every missing exercise file filled in (see above), or the files unchanged when
 * none is missing. `solutions` is where the reference solutions are: a kit without them (the Gradescope
 * autograder, a student release) always fills in the stub.
 */
export function completeSubmission(
  files: Map<string, Buffer>,
  manifest: Manifest,
  solutions: string = paths.solutions,
): Completed {
  const rel = (id: string) => `${id}/${manifest.exercises.find((e) => e.id === id)!.file}`;
  const notSubmitted = manifest.exercises.filter((e) => !files.has(rel(e.id))).map((e) => e.id);
  if (notSubmitted.length === 0) return { files, notSubmitted, borrowed: [] };
  const missing = new Set(notSubmitted);
  const completed = new Map(files);
  const borrowed: Borrowed[] = [];
  const fill = (id: string, source: MissingImports): MissingImports => {
    const reference = path.join(solutions, rel(id));
    const used = source === "reference" && existsSync(reference) ? "reference" : "stub";
    if (!completed.has(rel(id)) || used === "reference")
      completed.set(rel(id), readFileSync(used === "reference" ? reference : path.join(paths.exercises, rel(id))));
    return used;
  };
  // Every missing file gets the stub, so that the exercise compiles and answers as the stub does (which the
  // grader knows without running it); an imported one may then get the reference, and what it imports in turn.
  for (const id of notSubmitted) fill(id, "stub");
  const pending = manifest.exercises.filter((e) => !missing.has(e.id)).map((e) => e.id);
  const seen = new Set<string>();
  while (pending.length > 0) {
    const id = pending.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const from of importedExercises(completed.get(rel(id))!.toString("utf8"))) {
      if (!manifest.exercises.some((e) => e.id === from)) continue;
      if (missing.has(from)) {
        const used = fill(from, manifest.missing_imports);
        if (!missing.has(id)) borrowed.push({ exercise: id, from, file: rel(from).split("/")[1], with: used });
      }
      pending.push(from);
    }
  }
  return { files: completed, notSubmitted, borrowed };
}
