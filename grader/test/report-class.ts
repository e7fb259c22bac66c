/**
 * A small class graded through the real `grade` command, for the report
 * tests: the reference solutions, the stubs, a catalogued mistake, and a
 * submission whose error message tries to inject markup. With a roster that
 * misses one submission and names a student who submitted nothing.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { loadManifest } from "../manifest.ts";
import { submissionWithMistakes } from "../misconceptions/apply.ts";
import { CATALOGUE } from "../misconceptions/catalogue.ts";
import { paths } from "../paths.ts";
import { cliArgs } from "./cli-bundle.ts";

const run = promisify(execFile);

export const ROSTER = `submission,student,id,sis_user_id,sis_login_id,section
reference,"Lovelace, Ada",101,S101,ada,T1
stubs,"Babbage, Charles",102,S102,charles,T1
mistake,"Herschel, Caroline",103,S103,caroline,T2
absent,"Noether, Emmy",104,S104,emmy,T2
`;

const INJECTING = `export function dot(): number {
  throw new Error("<script>alert(1)</script> **bold** $\\\\href{https://example.com}{x}$ | pipe");
}
`;

async function writeFiles(dir: string, files: Map<string, string>): Promise<void> {
  for (const [rel, text] of files) {
    await mkdir(path.dirname(path.join(dir, "exercises", rel)), { recursive: true });
    await writeFile(path.join(dir, "exercises", rel), text);
  }
}

export interface GradedClass {
  out: string;
  stdout: string;
}

/** Builds the class under `tmp` and grades it; returns the results folder and what the command printed. */
export async function gradeSampleClass(tmp: string): Promise<GradedClass> {
  const manifest = loadManifest();
  const classDir = path.join(tmp, "class");
  await cp(paths.solutions, path.join(classDir, "reference", "exercises"), { recursive: true });
  await cp(paths.exercises, path.join(classDir, "stubs", "exercises"), { recursive: true });
  const mistake = CATALOGUE.filter((m) => m.id === "delta-missing-gprime");
  await writeFiles(path.join(classDir, "mistake"), submissionWithMistakes(manifest, mistake));
  const injecting = submissionWithMistakes(manifest, []);
  injecting.set("01-linear-algebra/linalg.ts", INJECTING);
  await writeFiles(path.join(classDir, "injecting"), injecting);
  await writeFile(path.join(tmp, "roster.csv"), ROSTER);
  const out = path.join(tmp, "results");
  const { stdout } = await run(
    process.execPath,
    cliArgs("grade", [
      classDir,
      "--out",
      out,
      "--roster",
      path.join(tmp, "roster.csv"),
      "--assignment",
      "Backprop (A1)",
    ]),
    { cwd: paths.root, env: { ...process.env, CI: "1" } },
  );
  return { out, stdout };
}
