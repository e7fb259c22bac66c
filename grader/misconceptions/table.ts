/**
 * The release's diagnoser. The catalogue's mistakes are near-solution code, so
 * the release does not ship them: the course computes, at release time, what
 * each mistake returns on each case, and the release names a mistake when a
 * student's output matches that table, by the live diagnoser's own analysis
 * (analyse.ts).
 * Outputs on public cases are in a plain file; those on hidden cases travel
 * inside the sealed file.
 */
import { existsSync, readFileSync } from "node:fs";
import * as z from "zod";
import type { LoadedCase } from "../fixtures/schema.ts";
import type { Diagnoser } from "../engine/grade.ts";
import { fromWire } from "../sandbox/wire.ts";
import { InvalidFileError } from "../errors.ts";
import { formatIssues } from "../zod-format.ts";
import { analyse, type CatalogueSource } from "./analyse.ts";

/** fixtures/misconceptions.json in a release. */
export const TABLE_FILE_NAME = "misconceptions.json";

export const TableEntrySchema = z.object({
  id: z.string(),
  exercise: z.string(),
  fn: z.string(),
  name: z.string(),
  explanation: z.string(),
  carried: z.array(z.object({ exercise: z.string().optional(), fn: z.string(), explanation: z.string() })).optional(),
});

/** tableKey(case) → misconception id → the entry's output in wire form (absent when it threw). */
export const TableOutputsSchema = z.record(z.string(), z.record(z.string(), z.unknown()));
export type TableOutputs = z.infer<typeof TableOutputsSchema>;

export const DiagnosisTableSchema = z.object({
  /** In the catalogue's order, which is the order entries are tried. */
  misconceptions: z.array(TableEntrySchema),
  outputs: TableOutputsSchema,
});
export type DiagnosisTable = z.infer<typeof DiagnosisTableSchema>;

/** Public and hidden cases may share an id, so the visibility is part of the key. */
export function tableKey(c: Pick<LoadedCase, "visibility" | "key">): string {
  return `${c.visibility}/${c.key}`;
}

export function makeTableDiagnoser(table: DiagnosisTable): Diagnoser {
  const decoded = new Map<string, unknown>();
  const source: CatalogueSource = {
    entries: table.misconceptions,
    output: (c, id) => {
      const row = table.outputs[tableKey(c)];
      if (!row || !(id in row)) return undefined;
      const key = `${tableKey(c)}\u0000${id}`;
      if (!decoded.has(key)) decoded.set(key, fromWire(row[id]));
      return decoded.get(key);
    },
  };
  return (c, received) => analyse(c, received, source);
}

/** The table file, or undefined when this copy has none. */
export function readTable(file: string): DiagnosisTable | undefined {
  if (!existsSync(file)) return undefined;
  const parsed = DiagnosisTableSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new InvalidFileError(file, formatIssues(parsed.error));
  return parsed.data;
}
