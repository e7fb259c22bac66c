/** How one implementation of the evaluation corpus was diagnosed, against what a TA would say. */
import type { GradedImplementation } from "../engine/grade.ts";
import type { CorpusEntry } from "./corpus.ts";

export type Outcome = "correct" | "wrong" | "nothing";

export const TARGETS = { correct: 0.7, wrong: 0 };

/** Problems that a right value can still have: the answer's values passed. */
const NOT_VALUES = new Set(["too_many_calls", "mutated"]);

export interface Scored {
  entry: CorpusEntry;
  named: string[];
  outcome: Outcome;
  /** Cases named although their values pass. */
  namedOnPass: string[];
  /** Which cases it loses points on: public ones, hidden ones. */
  fails: { public: number; hidden: number };
}

/**
 * What a case names: its diagnosis, or the earlier exercises its failure is traced to (upstream-05-delta). A failure
 * traced to no one earlier exercise blames nothing, and names nothing.
 */
function namesOf(c: GradedImplementation["cases"][number]): string[] {
  const upstream = (c.upstream?.from ?? []).map((s) => `upstream-${s.exercise}`);
  return [...(c.diagnosis ? c.diagnosis.id.split("+") : []), ...upstream];
}

export function score(entry: CorpusEntry, graded: GradedImplementation): Scored {
  const named = [...new Set(graded.cases.flatMap(namesOf))].sort();
  const namedOnPass = graded.cases
    .filter(
      (c) =>
        namesOf(c).length > 0 &&
        (c.status === "pass" || (c.status === "fail" && c.problems.every((p) => NOT_VALUES.has(p.code)))),
    )
    .map((c) => c.key);
  const outcome: Outcome =
    named.length === 0 ? "nothing" : named.every((id) => entry.accept.includes(id)) ? "correct" : "wrong";
  const lost = (v: string) => graded.cases.filter((c) => c.visibility === v && c.status !== "pass").length;
  return { entry, named, outcome, namedOnPass, fails: { public: lost("public"), hidden: lost("hidden") } };
}
