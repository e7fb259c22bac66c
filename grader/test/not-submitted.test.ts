/**
 * A submission that lacks exercise files: the missing exercises are "not submitted", and what stands in for an
 * import of one (the course's stub by default, the reference when the manifest says so) is said in the note.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { notSubmittedNotes } from "../batch/not-submitted.ts";
import { loadManifest, type Manifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { completeSubmission, importedExercises } from "../submission/complete.ts";

const manifest = loadManifest();
const file = (id: string) => `${id}/${manifest.exercises.find((e) => e.id === id)!.file}`;
const solutionOf = (id: string) => readFileSync(path.join(paths.solutions, file(id)));
const stubOf = (id: string) => readFileSync(path.join(paths.exercises, file(id)));
const ids = manifest.exercises.map((e) => e.id);

describe("importedExercises", () => {
  it.each([
    { source: `import { forward } from "../04-forward/forward";`, imported: ["04-forward"] },
    { source: `import {deltas} from '../05-delta/delta.ts'`, imported: ["05-delta"] },
    { source: `export { loss } from "../06-gradients/gradients";`, imported: ["06-gradients"] },
    { source: `const m = await import("../04-forward/forward");`, imported: ["04-forward"] },
    { source: `import type { Layer } from "../types";`, imported: [] },
    { source: `// from "../04-forward/forward" in a comment is harmless either way`, imported: ["04-forward"] },
  ])("$source", ({ source, imported }) => {
    expect(importedExercises(source)).toEqual(imported);
  });
});

describe("completeSubmission", () => {
  const only = (...submitted: string[]) =>
    new Map<string, Buffer>([
      ...submitted.map((id) => [file(id), solutionOf(id)] as const),
      ["types.ts", Buffer.from("")],
    ]);
  const reference: Manifest = { ...manifest, missing_imports: "reference" };

  it.each([
    {
      name: "everything handed in: nothing changes",
      submitted: ids,
      manifest,
      notSubmitted: [],
      borrowed: [],
    },
    {
      name: "06 alone, stubs in its imports' place",
      submitted: ["06-gradients"],
      manifest,
      notSubmitted: ids.filter((id) => id !== "06-gradients"),
      borrowed: ["06-gradients<04-forward:stub", "06-gradients<05-delta:stub"],
    },
    {
      name: "07 alone with the reference: 06's own imports are filled in too, but only 07's are said",
      submitted: ["07-gradient-descent"],
      manifest: reference,
      notSubmitted: ids.filter((id) => id !== "07-gradient-descent"),
      borrowed: ["07-gradient-descent<04-forward:reference", "07-gradient-descent<06-gradients:reference"],
    },
    {
      name: "04 and 05 only: nothing they import is missing",
      submitted: ["04-forward", "05-delta"],
      manifest: reference,
      notSubmitted: ids.filter((id) => id !== "04-forward" && id !== "05-delta"),
      borrowed: [],
    },
  ])("$name", ({ submitted, manifest: m, notSubmitted, borrowed }) => {
    const files = only(...submitted);
    const completed = completeSubmission(files, m);
    expect(completed.notSubmitted).toEqual(notSubmitted);
    expect(completed.borrowed.map((b) => `${b.exercise}<${b.from}:${b.with}`).sort()).toEqual(borrowed);
    // Every exercise compiles: each file is there, and the student's own are untouched.
    for (const id of ids) expect(completed.files.has(file(id))).toBe(true);
    for (const id of submitted) expect(completed.files.get(file(id))).toEqual(files.get(file(id)));
    for (const b of completed.borrowed)
      expect(completed.files.get(file(b.from))).toEqual(b.with === "stub" ? stubOf(b.from) : solutionOf(b.from));
    // Never the reference for an exercise nothing submitted imports: it is never run for points.
    for (const id of notSubmitted.filter((id) => m.missing_imports === "stub" || !reachable(id, submitted)))
      expect(completed.files.get(file(id)), id).toEqual(stubOf(id));
  });

  it("fills in the stub when the kit has no reference solutions (the Gradescope autograder)", async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-no-solutions-"));
    try {
      const completed = completeSubmission(only("06-gradients"), reference, empty);
      expect(completed.borrowed.every((b) => b.with === "stub")).toBe(true);
      expect(notSubmittedNotes(completed, reference).join("\n")).toMatch(/with the course's stubs in their place/);
    } finally {
      await rm(empty, { recursive: true });
    }
  });
});

/** Whether exercise `id` is imported, directly or not, by one of `submitted`, in the reference solutions. */
function reachable(id: string, submitted: string[]): boolean {
  const seen = new Set<string>();
  const queue = [...submitted];
  while (queue.length > 0) {
    const next = queue.shift()!;
    for (const from of importedExercises(solutionOf(next).toString("utf8")))
      if (!seen.has(from)) (seen.add(from), queue.push(from));
  }
  return seen.has(id);
}
