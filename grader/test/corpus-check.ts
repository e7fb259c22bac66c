/** Checks shared by the adversarial tests: what an attack may lose, and what no output may hold. */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "vitest";
import type { SubmissionResult } from "../engine/results.ts";
import type { Manifest } from "../manifest.ts";
import { paths } from "../paths.ts";

/** C0 but tab, newline and carriage return; DEL; C1; bidi embeddings, overrides and isolates. */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Every exercise it attacked lost points; every other scored full marks. */
export function lostOnlyWhatItAttacked(r: SubmissionResult, loses: string[], manifest: Manifest): void {
  for (const e of manifest.exercises) {
    const got = r.exercises.find((x) => x.id === e.id)!;
    if (loses.includes(e.id)) expect(got.score, `${e.id} should lose points`).toBeLessThan(got.max_score);
    else expect(got.score, `${e.id} should be untouched: ${r.note}`).toBe(got.max_score);
  }
}

/** Every file a run wrote, but the copied KaTeX assets. */
export async function outputFiles(out: string): Promise<string[]> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !path.relative(out, e.parentPath).startsWith("assets"))
    .map((e) => path.join(e.parentPath, e.name));
}

/**
 * The JSON text of every hidden case's arguments and expected value (12 characters or more),
 * except what also appears in a public fixture: an attack that echoes a hidden input, or the
 * grader leaking an expected value, would put one of these in an output.
 */
export async function hiddenFingerprints(): Promise<string[]> {
  const exercises = (await readdir(paths.fixtures, { withFileTypes: true })).filter(
    (e) => e.isDirectory() && /^\d\d-/.test(e.name),
  );
  const publicText: string[] = [];
  const prints = new Set<string>();
  for (const e of exercises) {
    const load = async (v: string) =>
      JSON.parse(await readFile(path.join(paths.fixtures, e.name, `${v}.json`), "utf8"));
    publicText.push(JSON.stringify(await load("public")));
    for (const c of (await load("hidden")).cases as { args: unknown[]; expected: unknown }[]) {
      for (const value of [...c.args, c.args, c.expected]) {
        const text = JSON.stringify(value);
        if (text && text.length >= 12) prints.add(text);
      }
    }
  }
  return [...prints].filter((p) => !publicText.some((t) => t.includes(p)));
}
