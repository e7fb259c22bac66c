/**
 * The course's live diagnoser. When a case fails, each catalogue entry for
 * that case's function is run on the same input, here on the trusted side;
 * analyse.ts decides what to name, layer by layer, with those outputs. Entry
 * outputs are computed once per case and reused.
 */
import type { LoadedCase } from "../fixtures/schema.ts";
import type { Diagnoser } from "../engine/grade.ts";
import type { Diagnosis } from "../engine/results.ts";
import { invoke, type Module } from "../sandbox/adapters.ts";
import { fromWire, toWire } from "../sandbox/wire.ts";
import { mistakeFile } from "./apply.ts";
import { importFile } from "../import-file.ts";
import { CATALOGUE } from "./catalogue.ts";
import { matches } from "./match.ts";
import { analyse, type CatalogueSource } from "./analyse.ts";
import type { Misconception } from "./types.ts";

export interface LoadedMisconception extends Misconception {
  module: Module;
}

export async function loadCatalogue(entries: Misconception[] = CATALOGUE): Promise<LoadedMisconception[]> {
  return Promise.all(entries.map(async (m) => ({ ...m, module: (await importFile(mistakeFile(m))) as Module })));
}

/** What an entry returns on a case; undefined when it throws (then it names nothing). */
export function entryOutput(m: LoadedMisconception, c: LoadedCase): unknown {
  try {
    return fromWire(toWire(invoke(c.exercise, c.fn, m.module, structuredClone(c.args)).value));
  } catch {
    return undefined;
  }
}

// The release has no mistake code and matches precomputed outputs by the same rule.
export { matches };

export function makeDiagnoser(catalogue: LoadedMisconception[]): Diagnoser {
  const outputs = new Map<string, unknown>();
  const byId = new Map(catalogue.map((m) => [m.id, m]));
  // Cases that share a call (a training run checked three ways) share each entry's output: it runs once.
  const calls = new WeakMap<LoadedCase, string>();
  const callOf = (c: LoadedCase) => {
    let key = calls.get(c);
    if (key === undefined) calls.set(c, (key = `${c.exercise}\u0000${c.fn}\u0000${JSON.stringify(c.args)}`));
    return key;
  };
  const source: CatalogueSource = {
    entries: catalogue,
    output: (c, id) => {
      const key = `${callOf(c)}\u0000${id}`;
      if (!outputs.has(key)) outputs.set(key, entryOutput(byId.get(id)!, c));
      return outputs.get(key);
    },
  };
  return (c, received) => analyse(c, received, source);
}

export function toDiagnosis(m: Misconception): Diagnosis {
  return { id: m.id, name: m.name, explanation: m.explanation };
}
