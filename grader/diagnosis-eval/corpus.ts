/**
 * The diagnosis evaluation corpus: wrong implementations written as students
 * write them (corpus/wrong/), and correct ones written differently from the
 * reference (corpus/correct/). Each file replaces one export and says, in its
 * first lines, what it replaces and what a TA would say about it:
 *
 *   // Replaces: 05-delta deltas
 *   // TA: hidden layers lack g′(f^[l]); the output layer's δ is right.
 *   // Names: delta-missing-gprime
 *
 * "Names" lists the diagnosis ids that say the same as the TA (catalogue ids,
 * or relation-<kind> for the generic relations); "none" when no name would be
 * right, so any name given to it counts as wrong.
 *
 * A mistake in an earlier exercise is judged by what the later ones that call
 * it say (engine/upstream.ts): "// Seen from: 06-gradients, 07-gradient-descent"
 * grades those exercises' cases instead of its own, and "upstream-05-delta"
 * names the failure traced to the student's 05. Course-only: the release
 * never imports it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const CORPUS_DIR = path.join(import.meta.dirname, "corpus");

export interface CorpusEntry {
  /** e.g. wrong/deltas-no-gprime-hidden */
  id: string;
  kind: "wrong" | "correct";
  exercise: string;
  /** The export it replaces. */
  symbol: string;
  ta: string;
  /** Diagnosis ids that are right for it; empty when none is. */
  accept: string[];
  /** The later exercises whose cases it is graded on, for a mistake judged by what they say; absent: its own. */
  seenFrom?: string[];
  source: string;
}

export class CorpusError extends Error {
  readonly code = "CORPUS";
}

function header(source: string, field: string, file: string): string {
  const match = new RegExp(`^// ${field}: (.+)$`, "m").exec(source);
  if (!match) throw new CorpusError(`${file}: no "// ${field}:" line at the top`);
  return match[1].trim();
}

export function loadCorpus(dir = CORPUS_DIR): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  for (const kind of ["wrong", "correct"] as const) {
    for (const name of readdirSync(path.join(dir, kind))
      .filter((f) => f.endsWith(".ts"))
      .sort()) {
      const file = path.join(dir, kind, name);
      const source = readFileSync(file, "utf8");
      const [exercise, symbol] = header(source, "Replaces", file).split(/\s+/);
      const names = header(source, "Names", file);
      const seen = /^\/\/ Seen from: (.+)$/m.exec(source)?.[1].trim();
      entries.push({
        id: `${kind}/${name.slice(0, -3)}`,
        kind,
        exercise,
        symbol,
        ta: header(source, "TA", file),
        accept: names === "none" ? [] : names.split(/,\s*/),
        ...(seen ? { seenFrom: seen.split(/,\s*/) } : {}),
        source,
      });
    }
  }
  return entries;
}
