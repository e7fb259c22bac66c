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

/** Parses CSV text into rows with their first line; `file` names it in errors. */
export function parseCsv(text: string, file = "the CSV file"): CsvRow[] {
  // One kind of line end, so that csv-parse counts lines right inside quoted fields too.
  const source = text.replace(/\r\n?/g, "\n");
  let lastEnd = 0;
  try {
    const records = parse(source, {
      bom: true,
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
