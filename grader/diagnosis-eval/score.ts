/** How one implementation of the evaluation corpus was diagnosed, against what a TA would say. */
import type { GradedImplementation } from "../engine/grade.ts";
import type { CorpusEntry } from "./corpus.ts";

export type Outcome = "correct" | "wrong" | "nothing";

export const TARGETS = { correct: 0.6, wrong: 0.05 };

/** Problems that a right value can still have: the answer's values passed. */
const NOT_VALUES = new Set(["too_many_calls", "mutated"]);

export interface Scored {
  entry: CorpusEntry;
  named: string[];
  outcome: Outcome;
  /** Cases named although their values pass. */
  namedOnPass: string[];
}

export function score(entry: CorpusEntry, graded: GradedImplementation): Scored {
  const named = [...new Set(graded.cases.flatMap((c) => (c.diagnosis ? c.diagnosis.id.split("+") : [])))].sort();
  const namedOnPass = graded.cases
    .filter((c) => c.diagnosis && (c.status === "pass" || c.problems.every((p) => NOT_VALUES.has(p.code))))
    .map((c) => c.key);
  const outcome: Outcome =
    named.length === 0 ? "nothing" : named.every((id) => entry.accept.includes(id)) ? "correct" : "wrong";
  return { entry, named, outcome, namedOnPass };
}
