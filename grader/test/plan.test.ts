/**
 * Which calls a sandbox runs for a set of cases (engine/plan.ts): cases that make the same call (the same function
 * on the same arguments, from the same module) share one, with the most generous of their limits, and every public
 * call comes before any hidden one. The course's training cases check three things of one run each, so a
 * submission's training runs once per case set, in its graded run and in each variant of upstream tracing alike.
 */
import { describe, expect, it } from "vitest";
import { CallPlanner, planCalls } from "../engine/plan.ts";
import type { LoadedCase } from "../fixtures/schema.ts";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest } from "../manifest.ts";

/** A case as the planner sees it; the rest of a case does not decide which call answers it. */
function at(id: string, fn: string, args: unknown, more: Partial<LoadedCase> = {}): LoadedCase {
  const exercise = more.exercise ?? "07-gradient-descent";
  return { id, fn, args, exercise, key: `${exercise}/${id}`, visibility: "public", ...more } as LoadedCase;
}

const XOR = { layers: [[1, 2]], eta: 6, epochs: 150 };

describe("CallPlanner", () => {
  it.each([
    {
      name: "the same call from the exercise's own module is shared",
      cases: [
        [at("result", "train", XOR), undefined],
        [at("loss-falls", "train", structuredClone(XOR)), undefined],
      ],
      ids: ["0", "0"],
    },
    {
      name: "the same call from two variants is two calls",
      cases: [
        [at("result", "train", XOR), "07|[]"],
        [at("result", "train", XOR), "07|[04]"],
        [at("loss-falls", "train", XOR), "07|[04]"],
      ],
      ids: ["0", "1", "1"],
    },
    {
      name: "other arguments, another function or another exercise are other calls",
      cases: [
        [at("a", "train", XOR), undefined],
        [at("b", "train", { ...XOR, epochs: 151 }), undefined],
        [at("c", "sgdStep", XOR), undefined],
        [at("d", "train", XOR, { exercise: "06-gradients" }), undefined],
      ],
      ids: ["0", "1", "2", "3"],
    },
  ] as { name: string; cases: [LoadedCase, string | undefined][]; ids: string[] }[])("$name", ({ cases, ids }) => {
    const planner = new CallPlanner();
    expect(cases.map(([c, module]) => planner.add(c, module))).toEqual(ids);
    expect(planner.calls.map((c) => c.id)).toEqual([...new Set(ids)]);
    for (const [c, module] of cases) {
      const call = planner.calls[Number(planner.add(c, module))];
      expect({ fn: call.fn, module: call.module, args: call.args }).toEqual({ fn: c.fn, module, args: c.args });
    }
  });

  it.each([
    { limits: [100, 300, 200], shared: 300 },
    { limits: [undefined, 250], shared: 250 },
    { limits: [120, undefined], shared: 120 },
    { limits: [undefined, undefined], shared: undefined },
  ])("a shared call gets the most generous of its cases' limits: $limits → $shared", ({ limits, shared }) => {
    const planner = new CallPlanner();
    for (const [i, cpuLimitMs] of limits.entries()) planner.add(at(`c${i}`, "train", XOR, { cpuLimitMs }));
    expect(planner.calls.map((c) => c.limitMs)).toEqual([shared]);
  });

  it.each([
    { pure: [true, undefined], shared: true },
    { pure: [undefined, true], shared: true },
    { pure: [undefined, undefined], shared: undefined },
  ])("a shared call is checked for purity when any of its cases asks: $pure", ({ pure, shared }) => {
    const planner = new CallPlanner();
    for (const [i, p] of pure.entries()) planner.add(at(`c${i}`, "sgdStep", XOR, p ? { pure: p } : {}));
    expect(planner.calls.map((c) => c.pure)).toEqual([shared]);
  });
});

describe("planCalls on the course's cases", () => {
  const manifest = loadManifest();
  const cases = loadCases(manifest, { visibility: ["public", "hidden"] });
  const modules = Object.fromEntries(manifest.exercises.map((e) => [e.id, "code"]));

  it("answers every case, runs every public call before any hidden one, and shares the training runs", () => {
    const { calls, callOf } = planCalls(cases, modules);
    expect(cases.every((c) => callOf.has(c.key))).toBe(true);
    const hidden = new Set(cases.filter((c) => c.visibility === "hidden").map((c) => callOf.get(c.key)));
    const firstHidden = calls.findIndex((c) => hidden.has(c.id));
    expect(calls.slice(firstHidden).every((c) => hidden.has(c.id))).toBe(true);
    // 07's three cases of each training run (its result, its loss falling, its loss below a bound) share the run.
    const training = cases.filter((c) => c.exercise === "07-gradient-descent" && c.fn === "train");
    expect(training.length).toBeGreaterThan(new Set(training.map((c) => callOf.get(c.key))).size);
    expect(calls.length).toBeLessThan(cases.length);
  });

  it("leaves out the cases of an exercise that did not compile", () => {
    const { calls, callOf } = planCalls(cases, { ...modules, "05-delta": "" });
    expect(calls.filter((c) => c.exercise === "05-delta")).toEqual([]);
    expect(cases.filter((c) => c.exercise === "05-delta" && callOf.has(c.key))).toEqual([]);
  });
});
