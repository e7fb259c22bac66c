/**
 * Internal to the diagnosis tests: the course's live diagnoser and the release's table diagnoser over the same
 * cases, so a test can require that both name alike.
 */
import type { Diagnoser } from "../engine/grade.ts";
import type { LoadedCase } from "../fixtures/schema.ts";
import { loadCatalogue, makeDiagnoser } from "../misconceptions/diagnose.ts";
import { makeTableDiagnoser } from "../misconceptions/table.ts";
import { precomputeDiagnoses } from "../release/diagnoses.ts";

export async function liveAndTable(cases: LoadedCase[]): Promise<{ live: Diagnoser; table: Diagnoser }> {
  const live = makeDiagnoser(await loadCatalogue());
  const { publicTable, hiddenOutputs } = await precomputeDiagnoses(cases);
  return { live, table: makeTableDiagnoser({ ...publicTable, outputs: { ...publicTable.outputs, ...hiddenOutputs } }) };
}
