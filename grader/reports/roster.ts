/**
 * The roster: which student each submission belongs to, for the LMS export.
 *
 * A CSV file with a header row. Columns, in any order, matched without regard
 * to case, spaces or underscores (so Canvas's own "SIS User ID" works too):
 *
 *   submission    the submission's id as graded: its folder or .zip name (required)
 *   student       the name shown in the LMS, e.g. "Lovelace, Ada" (required)
 *   id            the LMS's user id (Canvas's "ID")
 *   sis_user_id   the student information system's user id
 *   sis_login_id  the SIS login
 *   section       the section, e.g. "Tutorial 2"
 *
 * Other columns are ignored. Canvas matches a student by ID, then SIS User
 * ID, then SIS Login ID, then name, so give at least one id where you can.
 */
import { readFile } from "node:fs/promises";
import { InvalidFileError } from "../errors.ts";
import { safeId } from "../submission/source.ts";
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

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Returns rows with their first line. */
export function parseCsv(source: string): { cells: string[]; line: number }[] {
  const src = source.replace(/^\uFEFF/, "");
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== "")) rows.push({ cells, line: start });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === "\n") line++;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (src[i + 1] === '"') cell += src[++i];
      else quoted = false;
    } else if (ch === '"' && cell === "") {
      quoted = true;
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      if (ch === "\r") line++;
      endRow();
      start = line;
    } else {
      cell += ch;
    }
  }
  endRow();
  return rows;
}

function columnKey(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}

/** Parses and checks a roster's text; `file` names it in errors. */
export function parseRoster(source: string, file: string): RosterEntry[] {
  const [header, ...body] = parseCsv(source);
  if (!header) throw new InvalidFileError(file, ["the file is empty: expected a header row"]);
  const index = new Map(header.cells.map((h, i) => [columnKey(h), i]));
  const missing = ["submission", "student"].filter((c) => !index.has(c));
  if (missing.length > 0)
    throw new InvalidFileError(file, [
      `the header has no ${missing.join(" or ")} column (columns: ${COLUMNS.join(",")})`,
    ]);
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const entries = body.map(({ cells, line }) => {
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
    if (!entry.student && !entry.id && !entry.sis_user_id && !entry.sis_login_id)
      problems.push(`line ${line}: names no student (student, id, sis_user_id or sis_login_id)`);
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
  const source = await readFile(file, "utf8").catch((error: Error) => {
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
