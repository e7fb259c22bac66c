/**
 * Precomputes, on the course's side, what each catalogued mistake returns on
 * each case: the table the release's diagnoser matches against instead of
 * shipping the mistakes' code. Values are stored in wire form, exactly what
 * the live diagnoser decodes, so both name the same mistakes.
 */
import type { LoadedCase } from "../fixtures/schema.ts";
import { invoke } from "../sandbox/adapters.ts";
import { toWire } from "../sandbox/wire.ts";
import { loadCatalogue } from "../misconceptions/diagnose.ts";
import { tableKey, type DiagnosisTable, type TableOutputs } from "../misconceptions/table.ts";
import { appliesTo } from "../misconceptions/analyse.ts";

export interface PrecomputedTables {
  /** For fixtures/misconceptions.json: the entries and their outputs on the public cases. */
  publicTable: DiagnosisTable;
  /** For the sealed file: the outputs on the hidden cases. */
  hiddenOutputs: TableOutputs;
}

export async function precomputeDiagnoses(cases: LoadedCase[]): Promise<PrecomputedTables> {
  const catalogue = await loadCatalogue();
  const outputs: Record<"public" | "hidden", TableOutputs> = { public: {}, hidden: {} };
  for (const c of cases) {
    for (const m of catalogue) {
      if (!appliesTo(m, c)) continue;
      let value: unknown;
      try {
        value = toWire(invoke(c.exercise, c.fn, m.module, structuredClone(c.args)).value);
      } catch {
        continue; // an entry that throws names nothing, here as in the live diagnoser
      }
      (outputs[c.visibility][tableKey(c)] ??= {})[m.id] = value;
    }
  }
  return {
    publicTable: {
      misconceptions: catalogue.map(({ id, exercise, fn, name, explanation, carried }) => ({
        id,
        exercise,
        fn,
        name,
        explanation,
        ...(carried ? { carried } : {}),
      })),
      outputs: outputs.public,
    },
    hiddenOutputs: outputs.hidden,
  };
}
