/**
 * The course's cases catch the slips a student makes: every mechanical mutant of the reference solutions
 * (grader/fixtures/mutants/mechanical.ts) loses a point on the public or hidden cases of the exercises it reaches,
 * unless EQUIVALENT lists it as one no case can tell from the reference, with the reason. A mutant that keeps full
 * marks and is not listed is a gap in the fixtures: add or change a case in grader/fixtures/gen/ so it fails.
 *
 * They are also a corpus of wrong answers nobody wrote to fit the diagnoser: what it names on each must be what
 * NAMED lists, each read and judged true (grader/test/mechanical-mutants.data.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeImplementation } from "../engine/grade.ts";
import { loadCases } from "../fixtures/load.ts";
import { mechanicalMutants, type MechanicalMutant } from "../fixtures/mutants/mechanical.ts";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { Workspace } from "../sandbox/workspace.ts";
import { courseReference } from "../engine/known-outcomes.ts";
import { loadCatalogue, makeDiagnoser } from "../misconceptions/diagnose.ts";
import { EQUIVALENT, HIDDEN_ONLY, NAMED } from "./mechanical-mutants.data.ts";
import { reach, rounds } from "./mutant-rounds.ts";

const manifest = loadManifest();
const cases = loadCases(manifest, { visibility: ["public", "hidden"] });
const reference = new Map<string, string>([
  ["types.ts", readFileSync(path.join(paths.solutions, "types.ts"), "utf8")],
  ...manifest.exercises.map(
    (e) => [`${e.id}/${e.file}`, readFileSync(path.join(paths.solutions, e.id, e.file), "utf8")] as [string, string],
  ),
]);
const fileOf = (exercise: string) => {
  const e = manifest.exercises.find((x) => x.id === exercise)!;
  return `${e.id}/${e.file}`;
};
const mutants = manifest.exercises.flatMap((e) => mechanicalMutants(e.id, reference.get(fileOf(e.id))!));
const listed = (m: MechanicalMutant) => EQUIVALENT[m.exercise]?.[m.text];

let workspace: Workspace;
/** Mutant id → the cases it loses points on, as `public/<key>` or `hidden/<key>`. */
const lost = new Map<string, string[]>();
/** Mutant id → the ids the diagnoser names on its cases, as `grade` names them (the upstream trace included). */
const named = new Map<string, string[]>();

beforeAll(async () => {
  workspace = await Workspace.create({ maxDataBytes: 2 ** 29, osIsolation: false });
  const diagnose = makeDiagnoser(await loadCatalogue());
  const course = await courseReference();
  const grade = async (round: MechanicalMutant[]) => {
    const files = new Map(reference);
    for (const m of round) files.set(fileOf(m.exercise), m.source);
    const reached = new Map(round.map((m) => [m, reach(manifest, m.exercise)]));
    const own = cases.filter((c) => round.some((m) => reached.get(m)!.has(c.exercise)));
    const graded = await gradeImplementation({ files, manifest, cases: own, workspace, diagnose, reference: course });
    for (const m of round) {
      const mine = graded.cases.filter((c) => reached.get(m)!.has(c.exercise));
      lost.set(
        m.id,
        mine.filter((c) => c.score < c.max_score).map((c) => `${c.visibility}/${c.key}`),
      );
      named.set(m.id, [...new Set(mine.flatMap((c) => (c.diagnosis ? [c.diagnosis.id] : [])))].sort());
    }
  };
  const all = rounds(manifest, mutants);
  // Two at a time: each grading is a sandbox process, and the machine has two cores.
  for (let i = 0; i < all.length; i += 2) await Promise.all(all.slice(i, i + 2).map(grade));
}, 300_000);
afterAll(() => workspace?.dispose());

describe("mechanical mutants of the reference solutions", () => {
  it("are many, in every exercise", () => {
    expect(mutants.length).toBeGreaterThan(200);
    for (const e of manifest.exercises)
      expect(
        mutants.some((m) => m.exercise === e.id),
        e.id,
      ).toBe(true);
  });

  it("each lose a point, or are listed as equivalent", () => {
    const kept = mutants.filter((m) => lost.get(m.id)!.length === 0 && !listed(m)).map((m) => m.id);
    expect(kept, "mutants that keep full marks: a gap in the fixtures, or an equivalent mutant to list").toEqual([]);
  });

  it("list as equivalent only mutants that keep full marks", () => {
    const listedIds = Object.entries(EQUIVALENT).flatMap(([exercise, lines]) =>
      Object.keys(lines).map((text) => ({ exercise, text })),
    );
    const stale = listedIds.filter(
      ({ exercise, text }) =>
        !mutants.some((m) => m.exercise === exercise && m.text === text && lost.get(m.id)!.length === 0),
    );
    expect(stale, "listed, but no such mutant keeps full marks").toEqual([]);
  });

  // `check` runs the public cases only: a slip they all pass is one a student is told nothing about until grading.
  it("lose a public point, or are listed as caught by hidden cases only", () => {
    const hiddenOnly = mutants.filter(
      (m) => lost.get(m.id)!.length > 0 && !lost.get(m.id)!.some((k) => k.startsWith("public/")),
    );
    const actual: Record<string, string[]> = {};
    for (const m of hiddenOnly) (actual[m.exercise] ??= []).push(m.text);
    const listed = Object.fromEntries(Object.entries(HIDDEN_ONLY).map(([e, lines]) => [e, Object.keys(lines)]));
    expect(actual).toEqual(listed);
  });

  it("are named only as was read and judged true (NAMED)", () => {
    const actual: Record<string, Record<string, string[]>> = {};
    for (const m of mutants) if (named.get(m.id)!.length > 0) (actual[m.exercise] ??= {})[m.text] = named.get(m.id)!;
    expect(actual).toEqual(NAMED);
  });

  // Not vacuous: the edits reach what they are meant to.
  it.each([
    // relu's step without out.grad: a public case, so that `check` does not pass it.
    { exercise: "09-autodiff", text: "this.grad += (this.data > 0 ? 1 : 0);", publicly: true },
    { exercise: "09-autodiff", text: "this.grad = s * (1 - s) * out.grad;", publicly: false },
    { exercise: "03-activations", text: "return z > 1 ? 1 : 0;", publicly: true },
    { exercise: "08-gradient-check", text: "const scale = Math.max((a), Math.abs(n));", publicly: true },
  ])("include $text in $exercise, and it loses a point", ({ exercise, text, publicly }) => {
    const m = mutants.find((x) => x.exercise === exercise && x.text === text);
    expect(m, text).toBeDefined();
    expect(lost.get(m!.id)!.length).toBeGreaterThan(0);
    if (publicly) expect(lost.get(m!.id)!.some((k) => k.startsWith("public/"))).toBe(true);
  });
});
