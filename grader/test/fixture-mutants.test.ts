/**
 * The course's cases catch the slips a student makes: every mechanical mutant of the reference solutions
 * (grader/fixtures/mutants/mechanical.ts) loses a point on the public or hidden cases of the exercises it reaches,
 * unless it is listed below as one no case can tell from the reference, with the reason. A mutant that keeps full
 * marks and is not listed is a gap in the fixtures: add or change a case in grader/fixtures/gen/ so it fails.
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
import { reach, rounds } from "./mutant-rounds.ts";

const ONE_ROW_MESSAGE = "describe() words an error's shapes; it differs only for a one-row or empty matrix";
const SAME_AT_ZERO = "both branches give the same value at z = 0";
const RETURN_TYPE = "a return type, erased at run time";
const FIRST_IS_LEAF = "order[0] is always a leaf (depth-first post-order), whose backwardStep does nothing";

/** Mutants no case can tell from the reference: exercise → mutated line → why. */
const EQUIVALENT: Record<string, Record<string, string>> = {
  "01-linear-algebra": {
    "if (A.length >= 0 && Array.isArray(A[0])) {": ONE_ROW_MESSAGE,
    "if (A.length > 1 && Array.isArray(A[0])) {": ONE_ROW_MESSAGE,
    "if (A.length > 0 && Array.isArray(A[1])) {": ONE_ROW_MESSAGE,
    "if (A.length - 1 > 0 && Array.isArray(A[0])) {": ONE_ROW_MESSAGE,
    "if (A.length > 0 || Array.isArray(A[0])) {":
      "describe() words an error's shapes, and the cases check that an error names both lengths, not its words",
    "if (Array.isArray(a) || Array.isArray(b)) {": "the line before throws unless both or neither are arrays",
    "const cols = A.length === 0 ? 1 : A[0].length;": "the shape of an empty matrix, which no exercise passes",
    "for (let r = 1; r < A.length; r++) {": "row 0 sets the column count, so it always matches itself",
    // The guard is there for the empty matrix; dropping the check for one-row matrices is no slip a student makes.
    "if (A.length >= 0 && cols !== x.length) {": "differs only for an empty matrix times a non-empty x",
    "if (A.length > 1 && cols !== x.length) {": "differs only for a one-row matrix times an x of the wrong length",
    "if (A.length - 1 > 0 && cols !== x.length) {": "differs only for a one-row matrix times an x of the wrong length",
  },
  "02-perceptron": {
    "let w = options.w0 ? [...options.w0] : new Array<number>(xs[1]?.length ?? 0).fill(0);":
      "every instance has the same length",
    "let w = options.w0 ? [...options.w0] : new Array<number>(xs[0]?.length ?? 1).fill(0);":
      "differs only with no instances, which no exercise passes",
    "let w = options.w0 ? options.w0 : new Array<number>(xs[0]?.length ?? 0).fill(0);":
      "update builds a new array, so w0 is never written",
    "export function sgn(z: number): 0 | -1 {": RETURN_TYPE,
    "export function sgn(z: number): 1 | -0 {": RETURN_TYPE,
    "export function predict(w: Vector, x: Vector): 0 | -1 {": RETURN_TYPE,
    "export function predict(w: Vector, x: Vector): 1 | -0 {": RETURN_TYPE,
  },
  "03-activations": {
    "if (z > 0) return 1 / (1 + Math.exp(-z));": SAME_AT_ZERO,
    "if (z >= 1) return 1 / (1 + Math.exp(-z));": "both forms of σ are exact for 0 ≤ z < 1",
    "return z >= 0 ? z : 0;": SAME_AT_ZERO,
    "return z >= 0 ? z : alpha * z;": SAME_AT_ZERO,
  },
  "06-gradients": {
    "const db = delta.map((d) => d);": "δ is not returned, so db sharing its arrays changes nothing",
  },
  "09-autodiff": {
    "const s = z > 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));": SAME_AT_ZERO,
    "const s = z >= 1 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));":
      "both forms of σ are exact for 0 ≤ z < 1",
    "const out = new Value(this.data >= 0 ? this.data : 0, [this]);": SAME_AT_ZERO,
    "for (let i = order.length - 1; i > 0; i--) order[i].backwardStep();": FIRST_IS_LEAF,
    "for (let i = order.length - 1; i >= 1; i--) order[i].backwardStep();": FIRST_IS_LEAF,
  },
};

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
/** Mutant id → the keys of the cases it loses points on. */
const lost = new Map<string, string[]>();

beforeAll(async () => {
  workspace = await Workspace.create({ maxDataBytes: 2 ** 29, osIsolation: false });
  const grade = async (round: MechanicalMutant[]) => {
    const files = new Map(reference);
    for (const m of round) files.set(fileOf(m.exercise), m.source);
    const reached = new Map(round.map((m) => [m, reach(manifest, m.exercise)]));
    const own = cases.filter((c) => round.some((m) => reached.get(m)!.has(c.exercise)));
    const graded = await gradeImplementation({ files, manifest, cases: own, workspace });
    for (const m of round) {
      const mine = reached.get(m)!;
      lost.set(
        m.id,
        graded.cases.filter((c) => mine.has(c.exercise) && c.score < c.max_score).map((c) => c.key),
      );
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

  // Not vacuous: the edits reach what they are meant to.
  it.each([
    { exercise: "09-autodiff", text: "this.grad += (this.data > 0 ? 1 : 0);" },
    { exercise: "09-autodiff", text: "this.grad = s * (1 - s) * out.grad;" },
    { exercise: "03-activations", text: "return z > 1 ? 1 : 0;" },
    { exercise: "08-gradient-check", text: "const scale = Math.max((a), Math.abs(n));" },
  ])("include $text in $exercise, and it loses a point", ({ exercise, text }) => {
    const m = mutants.find((x) => x.exercise === exercise && x.text === text);
    expect(m, text).toBeDefined();
    expect(lost.get(m!.id)!.length).toBeGreaterThan(0);
  });
});
