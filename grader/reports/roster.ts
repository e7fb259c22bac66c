/**
 * The roster: which student each submission belongs to, for the LMS export.
 *
 * A CSV file with a header row. Columns, in any order, matched without regard
 * to case, spaces or underscores (so Canvas's own "SIS User ID" works too):
 *
 *   submission    the submission's id as graded: its folder or .zip name (required)
 *   student       the name shown in the LMS, e.g. "Lovelace, Ada"
 *   id            the LMS's user id (Canvas's "ID")
 *   sis_user_id   the student information system's user id
 *   sis_login_id  the SIS login
 *   section       the section, e.g. "Tutorial 2"
 *
 * Other columns are ignored. Each line needs a submission and at least one
 * of student, id, sis_user_id and sis_login_id. Canvas matches a student by
 * ID, then SIS User ID, then SIS Login ID, then name. Parsed by csv-parse; a
 * malformed file fails with its line and the problem.
 */
import { readFile } from "node:fs/promises";
import { InvalidFileError } from "../errors.ts";
import { safeId } from "../submission/source.ts";
import { decodeCsv, parseCsv } from "./csv-read.ts";

export { parseCsv };
import { stripControls } from "../sanitize.ts";

export interface RosterEntry {
  submission: string;
  student: string;
  id: string;
  sis_user_id: string;
  sis_login_id: string;
  section: string;
  /** 1-based line in the file, for messages. */
  line: number;
}

const COLUMNS = ["submission", "student", "id", "sis_user_id", "sis_login_id", "section"] as const;

function columnKey(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}

const ID_COLUMNS = ["student", "id", "sis_user_id", "sis_login_id"] as const;

/** Parses and checks a roster's text; `file` names it in errors. */
export function parseRoster(source: string, file: string): RosterEntry[] {
  const [header, ...body] = parseCsv(source, file);
  if (!header) throw new InvalidFileError(file, ["the file is empty: expected a header row"]);
  const index = new Map<string, number>();
  header.cells.forEach((h, i) => index.has(columnKey(h)) || index.set(columnKey(h), i));
  const found = header.cells.map((h) => h.trim()).join(",");
  const headerProblems = [
    ...(index.has("submission") ? [] : ["the header has no submission column"]),
    ...(ID_COLUMNS.some((c) => index.has(c)) ? [] : [`the header has none of the ID columns ${ID_COLUMNS.join(", ")}`]),
  ];
  if (headerProblems.length > 0)
    throw new InvalidFileError(file, [
      `line ${header.line}: ${headerProblems.join(", and ")}; found: ${found}; ` +
        `expected: submission and at least one of ${ID_COLUMNS.join(", ")} (optional: section)`,
    ]);
  const width = header.cells.length;
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const entries = body.map(({ cells, line }) => {
    if (cells.length > width && cells.slice(width).some((c) => c.trim() !== ""))
      problems.push(
        `line ${line}: ${cells.length} fields where the header has ${width}; a field holding a comma must be in quotes, e.g. "Lovelace, Ada"`,
      );
    const get = (c: (typeof COLUMNS)[number]) =>
      index.has(c) ? stripControls(cells[index.get(c)!] ?? "", true).trim() : "";
    const entry: RosterEntry = {
      submission: get("submission"),
      student: get("student"),
      id: get("id"),
      sis_user_id: get("sis_user_id"),
      sis_login_id: get("sis_login_id"),
      section: get("section"),
      line,
    };
    if (!entry.submission) problems.push(`line ${line}: the submission is empty`);
    if (ID_COLUMNS.every((c) => !entry[c]))
      problems.push(`line ${line}: names no student: give at least one of ${ID_COLUMNS.join(", ")}`);
    const key = safeId(entry.submission);
    if (entry.submission && seen.has(key))
      problems.push(`line ${line}: submission "${entry.submission}" is already on line ${seen.get(key)}`);
    seen.set(key, line);
    return entry;
  });
  if (problems.length > 0) throw new InvalidFileError(file, problems);
  return entries;
}

export async function loadRoster(file: string): Promise<RosterEntry[]> {
  const source = await readFile(file).then(decodeCsv, (error: Error) => {
    throw new InvalidFileError(file, [`cannot be read: ${error.message}`]);
  });
  return parseRoster(source, file);
}

export interface RosterMatch<R> {
  /** Roster order; `row` is undefined for a student with no submission. */
  matched: { entry: RosterEntry; row: R | undefined }[];
  /** Submissions that no roster line names. */
  unknown: R[];
}

/** Pairs roster lines with graded submissions by id; a roster id is compared as the grader would name it. */
export function matchRoster<R extends { submission: string }>(entries: RosterEntry[], rows: R[]): RosterMatch<R> {
  const byId = new Map(rows.map((r) => [r.submission, r]));
  const used = new Set<string>();
  const matched = entries.map((entry) => {
    const row = byId.get(entry.submission) ?? byId.get(safeId(entry.submission));
    if (row) used.add(row.submission);
    return { entry, row };
  });
  const unknown = rows.filter((r) => !used.has(r.submission)).sort((a, b) => a.submission.localeCompare(b.submission));
  return { matched, unknown };
}
