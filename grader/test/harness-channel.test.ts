/**
 * The harness's own measurements cannot be forged by patching built-ins (issue
 * 21.2). A submission that calls gPrime too often (05) and changes its inputs
 * (07) is graded once as it is, then once with each attack in CHANNEL_ATTACKS
 * installed by its first module: no attack may turn a case it fails into a pass,
 * whatever else it breaks of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseResult } from "../engine/results.ts";
import type { LoadedCase } from "../fixtures/schema.ts";
import type { ExerciseFiles } from "../sandbox/compile.ts";
import type { Workspace } from "../sandbox/workspace.ts";
import { CHANNEL_ATTACKS, installer, WRONG_DELTAS, WRONG_SGD_STEP, type ChannelAttack } from "./corpus-channel.ts";
import { casesOf, createWorkspace, gradeFiles, solutionFiles, text } from "./patched-grade.ts";

const DELTA = "05-delta/delta.ts";
const DESCENT = "07-gradient-descent/descent.ts";

let workspace: Workspace;
let solutions: ExerciseFiles;
let cases: LoadedCase[];
let baseline: Map<string, CaseResult>;

/** The wrong submission, with `attack` installed at the top of both attacked files. */
function wrongWith(attack: Pick<ChannelAttack, "code">): ExerciseFiles {
  const files = new Map(solutions);
  const rename = (rel: string, fn: string, replacement: string) => {
    const source = text(solutions, rel).replace(`export function ${fn}(`, `function ${fn}Reference(`);
    if (!source.includes(`function ${fn}Reference(`)) throw new Error(`no ${fn} in ${rel}`);
    files.set(rel, `${installer(attack)}\n${source}\n${replacement}`);
  };
  rename(DELTA, "deltas", WRONG_DELTAS);
  rename(DESCENT, "sgdStep", WRONG_SGD_STEP);
  return files;
}

beforeAll(async () => {
  workspace = await createWorkspace();
  solutions = await solutionFiles();
  cases = [...casesOf(["05-delta"]), ...casesOf(["07-gradient-descent"], (c) => c.fn === "sgdStep")];
  baseline = new Map((await gradeFiles(workspace, wrongWith({ code: "" }), cases)).map((r) => [r.key, r]));
}, 60_000);
afterAll(() => workspace?.dispose());

describe("the submission under attack", () => {
  it("loses exactly the call-count and purity cases, and only for those reasons", () => {
    for (const c of cases) {
      const r = baseline.get(c.key)!;
      const reason = c.maxCalls ? "too_many_calls" : c.pure ? "mutated" : undefined;
      expect({ key: c.key, status: r.status, codes: r.problems.map((p) => p.code) }).toEqual({
        key: c.key,
        status: reason ? "fail" : "pass",
        codes: reason ? [reason] : [],
      });
    }
    expect(cases.filter((c) => c.maxCalls).length).toBeGreaterThan(0);
    expect(cases.filter((c) => c.pure).length).toBeGreaterThan(0);
  });
});

describe("no patched built-in turns a lost case into a pass", () => {
  it.each(CHANNEL_ATTACKS)(
    "$name",
    async (attack) => {
      const results = await gradeFiles(workspace, wrongWith(attack), cases);
      const forged = results.filter((r) => r.status === "pass" && baseline.get(r.key)!.status !== "pass");
      expect(forged.map((r) => r.key)).toEqual([]);
      expect(results.length).toBe(cases.length);
    },
    60_000,
  );
});
