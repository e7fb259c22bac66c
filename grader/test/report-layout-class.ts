/**
 * Two submissions graded through the real `grade` command, for the layout of the feedback page: one that
 * solved exercise 01 and touched nothing else, and one mid-way, with each kind of problem a section can lead
 * with: a catalogued mistake (05), a type error that costs nothing (06), a renamed export (07) and a compile
 * error (08).
 */
import { execFile } from "node:child_process";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { loadManifest } from "../manifest.ts";
import { submissionWithMistakes } from "../misconceptions/apply.ts";
import { CATALOGUE } from "../misconceptions/catalogue.ts";
import { paths } from "../paths.ts";
import { cliArgs } from "./cli-bundle.ts";

const run = promisify(execFile);

async function edit(file: string, change: (text: string) => string): Promise<void> {
  await writeFile(file, change(await readFile(file, "utf8")));
}

/** Grades the two submissions under `tmp`; returns the results folder. */
export async function gradeLayoutClass(tmp: string): Promise<string> {
  const manifest = loadManifest();
  const classDir = path.join(tmp, "layout-class");
  const one = path.join(classDir, "one-exercise", "exercises");
  await cp(paths.exercises, one, { recursive: true });
  await cp(path.join(paths.solutions, "01-linear-algebra"), path.join(one, "01-linear-algebra"), { recursive: true });

  const midway = path.join(classDir, "midway", "exercises");
  const mistake = CATALOGUE.filter((m) => m.id === "delta-missing-gprime");
  for (const [rel, text] of submissionWithMistakes(manifest, mistake)) {
    await mkdir(path.dirname(path.join(midway, rel)), { recursive: true });
    await writeFile(path.join(midway, rel), text);
  }
  await edit(path.join(midway, "06-gradients", "gradients.ts"), (t) => `${t}\nexport const units: string = 3;\n`);
  // train still calls sgdStep; only the exported name is wrong.
  await edit(
    path.join(midway, "07-gradient-descent", "descent.ts"),
    (t) => `${t.replace("export function sgdStep(", "function sgdStep(")}\nexport { sgdStep as step };\n`,
  );
  await edit(path.join(midway, "08-gradient-check", "gradcheck.ts"), (t) =>
    t.replace("export function relativeError(", "export function relativeError(("),
  );
  await cp(path.join(paths.exercises, "09-autodiff"), path.join(midway, "09-autodiff"), { recursive: true });
  const out = path.join(tmp, "layout-results");
  await run(process.execPath, cliArgs("grade", [classDir, "--out", out]), {
    cwd: paths.root,
    env: { ...process.env, CI: "1" },
  });
  return out;
}
