/**
 * Every rule a guide states is caught by a public case: for each rule there is at least one deliberately broken
 * solution (grader/fixtures/mutants/), and each of them fails a public case that names its rule. So `npm run
 * check` never says "all public cases pass" to code that breaks a rule the student was told, and the rule block
 * shown with the failure is the one that was broken.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeImplementation } from "../engine/grade.ts";
import { loadCases } from "../fixtures/load.ts";
import { loadMutants, type Mutant } from "../fixtures/mutants/index.ts";
import { readGuideRules } from "../fixtures/rules.ts";
import { loadManifest } from "../manifest.ts";
import { swapExport } from "../misconceptions/apply.ts";
import { paths } from "../paths.ts";
import { Workspace } from "../sandbox/workspace.ts";
import { reach as reachOf, rounds as roundsOf } from "./mutant-rounds.ts";

const manifest = loadManifest();
const publicCases = loadCases(manifest, { visibility: ["public"] });
const mutants = loadMutants();
const rules = manifest.exercises.flatMap((e) =>
  readGuideRules(paths.exercises, e.id).map((rule) => ({ exercise: e.id, rule })),
);

const reach = (exercise: string) => reachOf(manifest, exercise);
const rounds = (all: Mutant[]) => roundsOf(manifest, all);

/** The reference solutions with each mutant's export swapped in. */
function filesWith(ms: Mutant[]): Map<string, string> {
  const files = new Map<string, string>();
  files.set("types.ts", readFileSync(path.join(paths.solutions, "types.ts"), "utf8"));
  for (const e of manifest.exercises) {
    const rel = `${e.id}/${e.file}`;
    let source = readFileSync(path.join(paths.solutions, rel), "utf8");
    for (const m of ms.filter((x) => x.exercise === e.id)) source = swapExport(source, m.symbol, m.source);
    files.set(rel, source);
  }
  return files;
}

/** The public cases that name the mutant's rule: the one it must fail is among them. */
const casesFor = (m: Mutant) => publicCases.filter((c) => c.exercise === m.exercise && c.rules?.includes(m.rule));

let workspace: Workspace;
/** mutant id → the public cases naming its rule that it fails. */
const caught = new Map<string, string[]>();

beforeAll(async () => {
  workspace = await Workspace.create({ maxDataBytes: 2 ** 29, osIsolation: false });
  const grade = async (round: Mutant[]) => {
    const cases = round.flatMap(casesFor);
    const graded = await gradeImplementation({ files: filesWith(round), manifest, cases, workspace });
    for (const m of round) {
      const own = new Set(casesFor(m).map((c) => c.key));
      caught.set(
        m.id,
        graded.cases.filter((c) => own.has(c.key) && c.status !== "pass").map((c) => c.key),
      );
    }
  };
  const all = rounds(mutants);
  // Two at a time: each grading is a sandbox process, and the machine has two cores.
  for (let i = 0; i < all.length; i += 2) await Promise.all(all.slice(i, i + 2).map(grade));
}, 300_000);
afterAll(() => workspace?.dispose());

describe("the broken solutions", () => {
  it("break only rules that guides state, in their own exercise", () => {
    const stated = new Set(rules.map((r) => `${r.exercise}:${r.rule}`));
    expect(mutants.filter((m) => !stated.has(`${m.exercise}:${m.rule}`)).map((m) => `${m.id}: ${m.rule}`)).toEqual([]);
  });

  it.each(rules)("include one that breaks $exercise's rule $rule", ({ exercise, rule }) => {
    expect(mutants.some((m) => m.exercise === exercise && m.rule === rule)).toBe(true);
  });

  it.each(mutants.map((m) => ({ ...m, label: m.id })))("$label fails a public case on $rule", ({ id }) => {
    expect(caught.get(id)?.length ?? 0, `${id} passes every public case that names its rule`).toBeGreaterThan(0);
  });
});

describe("the mutants check", () => {
  // Not vacuous: the reference solution, passed off as a mutant, fails nothing.
  it("never grades two mutants that reach the same exercise together", () => {
    const all = rounds(mutants);
    expect(all.flat().length).toBe(mutants.length);
    for (const round of all) {
      const reached = round.flatMap((m) => [...reach(m.exercise)]);
      expect(new Set(reached).size).toBe(reached.length);
    }
    expect([...reach("04-forward")].sort()).toEqual(["04-forward", "06-gradients", "07-gradient-descent"]);
  });

  it("passes the reference solution through", async () => {
    const m: Mutant = {
      id: "reference",
      exercise: "08-gradient-check",
      symbol: "relativeError",
      rule: "relative-error",
      source: readFileSync(path.join(paths.solutions, "08-gradient-check/gradcheck.ts"), "utf8").replace(
        /^[\s\S]*?(export function relativeError)/m,
        "$1",
      ),
    };
    const cases = publicCases.filter((c) => c.exercise === m.exercise);
    const graded = await gradeImplementation({ files: filesWith([m]), manifest, cases, workspace });
    expect(graded.cases.filter((c) => c.status !== "pass").map((c) => c.key)).toEqual([]);
  });
});
