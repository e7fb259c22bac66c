/**
 * Internal. Reads a CSV file (a roster) with csv-parse: RFC 4180, quoted
 * fields may hold commas, quotes ("") and line breaks; a BOM and blank lines
 * are skipped. A malformed file fails with the line and what is wrong there,
 * never with rows made up from it.
 */
import { CsvError, parse } from "csv-parse/sync";
import { InvalidFileError } from "../errors.ts";

export interface CsvRow {
  cells: string[];
  /** The 1-based line the row starts on. */
  line: number;
}

/** csv-parse's error codes, in words a TA can act on. */
function explain(error: CsvError, line: number): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return `line ${line}: a quoted field is never closed (an unterminated "); close it, and write a quote inside a quoted field as ""`;
    case "CSV_INVALID_CLOSING_QUOTE":
      return `line ${line}: text follows a closing quote; put the whole field in quotes and write a quote inside it as ""`;
    case "INVALID_OPENING_QUOTE":
      return `line ${line}: a quote in the middle of an unquoted field; put the field in quotes and write the quote as ""`;
    default:
      return `line ${line}: ${error.message}`;
  }
}

/** The first non-blank line after `after`: where a record that failed to parse began. */
function startOfNext(source: string, after: number): number {
  const lines = source.split("\n");
  let line = after + 1;
  while (line <= lines.length && lines[line - 1].trim() === "") line++;
  return line;
}

/** A CSV file's text: UTF-16 by its byte order mark, else UTF-8, else (not valid UTF-8) Windows-1252. */
export function decodeCsv(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

export type Delimiter = "," | ";" | "\t";

/** The separator the header line uses most, outside quotes: a comma unless ";" or a tab is more frequent. */
export function detectDelimiter(source: string): Delimiter {
  const header =
    source
      .replace(/^\uFEFF/, "")
      .split("\n")
      .find((l) => l.trim() !== "") ?? "";
  const sep = /^sep=(.)\s*$/i.exec(header);
  if (sep && [",", ";", "\t"].includes(sep[1])) return sep[1] as Delimiter;
  const count: Record<Delimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in count) count[ch as Delimiter]++;
  }
  const best = ([";", "\t"] as const).reduce<Delimiter>((a, d) => (count[d] > count[a] ? d : a), ",");
  return best;
}

/** Parses CSV text into rows with their first line; `file` names it in errors. */
export function parseCsv(text: string, file = "the CSV file"): CsvRow[] {
  // One kind of line end, so that csv-parse counts lines right inside quoted fields too.
  let source = text.replace(/\r\n?/g, "\n");
  const delimiter = detectDelimiter(source);
  // Excel's `sep=;` line says the separator; it is no header. Blanked, so line numbers stay the file's.
  source = source.replace(
    /^(\uFEFF?)(\s*\n)*sep=.\s*(?=\n|$)/i,
    (m, bom: string) => bom + m.slice(bom.length).replace(/[^\n]/g, ""),
  );
  let lastEnd = 0;
  try {
    const records = parse(source, {
      bom: true,
      delimiter,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record, context) => {
        lastEnd = context.lines;
        return record;
      },
    }) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
    return records
      .map(({ record, raw, info }) => ({
        cells: record,
        // info.lines is where the record ends; blank lines before it lead its raw text, quoted line breaks follow.
        line: info.lines - (raw.replace(/^\n+|\n$/g, "").match(/\n/g)?.length ?? 0),
      }))
      .filter((r) => r.cells.some((c) => c.trim() !== ""));
  } catch (error) {
    if (error instanceof CsvError) throw new InvalidFileError(file, [explain(error, startOfNext(source, lastEnd))]);
    throw error;
  }
}
