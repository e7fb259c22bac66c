/**
 * Identifies the cases and limits a result was graded under: a result graded
 * under others is stale. Its own module so that `check --ci` computes the same
 * fingerprint as batch grading without loading the batch code.
 */
import { createHash } from "node:crypto";
import type { LoadedCase } from "../fixtures/schema.ts";
import type { Manifest } from "../manifest.ts";
import type { RunLimits } from "../sandbox/run.ts";

export function fingerprint(manifest: Manifest, cases: LoadedCase[], limits: RunLimits): string {
  return createHash("sha256").update(JSON.stringify({ manifest, cases, limits })).digest("hex");
}
