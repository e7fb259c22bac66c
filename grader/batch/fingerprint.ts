/**
 * Identifies what a result was graded under: the cases, the limits, and the
 * grader's own code that decides scores. A result graded under others is
 * stale, so after a fix to the grader a plain re-run grades everything again
 * instead of keeping results a bug produced. Its own module so that
 * `check --ci` computes the same fingerprint as batch grading without loading
 * the batch code.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { LoadedCase } from "../fixtures/schema.ts";
import type { Manifest } from "../manifest.ts";
import type { RunLimits } from "../sandbox/run.ts";

const grader = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "..");
/** The folders whose code decides a case: running it, and judging what came back. */
const DECIDING = ["engine", "sandbox"];

let codeHash: string | undefined;

/** sha256 over the deciding code's files, by name and contents, in a fixed order. */
export function graderCodeHash(): string {
  if (codeHash) return codeHash;
  const hash = createHash("sha256");
  for (const dir of DECIDING) {
    const names = readdirSync(path.join(grader, dir))
      .filter((n) => n.endsWith(".ts"))
      .sort();
    for (const name of names) hash.update(`${dir}/${name}\0`).update(readFileSync(path.join(grader, dir, name)));
  }
  codeHash = hash.digest("hex");
  return codeHash;
}

/** Each case's own fingerprint, and one for all that the cases share: a regrade reruns only what changed. */
export interface CaseFingerprints {
  /** The limits, the deciding code and the course settings that weigh on every case. */
  shared: string;
  /** Case key → a short hash of the case (inputs, expected value, tolerance, points). */
  cases: Record<string, string>;
}

const short = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);

export function caseFingerprints(
  manifest: Manifest,
  cases: LoadedCase[],
  limits: RunLimits,
  grader = graderCodeHash(),
): CaseFingerprints {
  const { bonus_points, missing_imports } = manifest;
  return {
    shared: short({ bonus_points, missing_imports, limits, grader }),
    cases: Object.fromEntries(cases.map((c) => [c.key, short(c)])),
  };
}

export function fingerprint(
  manifest: Manifest,
  cases: LoadedCase[],
  limits: RunLimits,
  grader = graderCodeHash(),
): string {
  return createHash("sha256").update(JSON.stringify({ manifest, cases, limits, grader })).digest("hex");
}
