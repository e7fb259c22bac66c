/**
 * The diagnoser for this copy of the kit. The course's copy runs the
 * catalogue's mistakes live; the student release has no mistake code and
 * matches the outputs precomputed at release time (table.ts) instead.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Diagnoser } from "../engine/grade.ts";
import { paths } from "../paths.ts";
import { importFile } from "../import-file.ts";
import { makeTableDiagnoser, readTable, TABLE_FILE_NAME, type TableOutputs } from "./table.ts";

const MISTAKES_DIR = path.join(import.meta.dirname, "mistakes");
// Not a literal import: the release leaves diagnose.ts (and the mistakes it loads) out.
const LIVE = path.join(import.meta.dirname, "diagnose.ts");

/** `hiddenOutputs`: the table's rows for the hidden cases, from the sealed file when it was opened. */
export async function loadDiagnoser(hiddenOutputs?: TableOutputs): Promise<Diagnoser | undefined> {
  if (existsSync(MISTAKES_DIR)) {
    const live = (await importFile(LIVE)) as typeof import("./diagnose.ts");
    return live.makeDiagnoser(await live.loadCatalogue());
  }
  const table = readTable(path.join(paths.fixtures, TABLE_FILE_NAME));
  if (!table) return undefined;
  return makeTableDiagnoser({ ...table, outputs: { ...table.outputs, ...hiddenOutputs } });
}
