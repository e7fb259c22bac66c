/**
 * Internal to the mutant tests: which mutants can be graded together in one submission. A sandbox costs far more
 * than a case, so each round is one submission; no two mutants in a round reach the same exercise's cases, so each
 * is judged with every other exercise file it runs left as the reference.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Manifest } from "../manifest.ts";
import { paths } from "../paths.ts";

/** The exercises whose cases run a file of `exercise`: its own, and those whose solutions import it, directly or not. */
export function reach(manifest: Manifest, exercise: string): Set<string> {
  const imports = new Map(
    manifest.exercises.map((e) => {
      const source = readFileSync(path.join(paths.solutions, e.id, e.file), "utf8");
      return [e.id, [...source.matchAll(/from "\.\.\/(\d\d-[a-z-]+)\//g)].map((m) => m[1])];
    }),
  );
  const reached = new Set([exercise]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [id, deps] of imports) {
      if (!reached.has(id) && deps.some((d) => reached.has(d))) grew = reached.add(id).size > 0;
    }
  }
  return reached;
}

/** The mutants in rounds: no two in a round reach the same exercise. */
export function rounds<M extends { exercise: string }>(manifest: Manifest, all: M[]): M[][] {
  const reaches = new Map(manifest.exercises.map((e) => [e.id, reach(manifest, e.id)]));
  const result: { mutants: M[]; reached: Set<string> }[] = [];
  for (const m of all) {
    const mine = reaches.get(m.exercise)!;
    let round = result.find((r) => [...mine].every((id) => !r.reached.has(id)));
    if (!round) result.push((round = { mutants: [], reached: new Set() }));
    round.mutants.push(m);
    for (const id of mine) round.reached.add(id);
  }
  return result.map((r) => r.mutants);
}
