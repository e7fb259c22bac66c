/** The roster CSV, matching it to submissions, and canvas.csv in Canvas's import layout. */
import { describe, expect, it } from "vitest";
import type { Row } from "../batch/gradebook.ts";
import { InvalidFileError } from "../errors.ts";
import { canvasCsv } from "../reports/canvas.ts";
import { matchRoster, parseCsv, parseRoster } from "../reports/roster.ts";

describe("parseCsv", () => {
  it.each([
    {
      name: "plain rows",
      csv: "a,b\n1,2\n",
      rows: [
        ["a", "b"],
        ["1", "2"],
      ],
    },
    {
      name: "CRLF and a BOM",
      csv: "\uFEFFa,b\r\n1,2",
      rows: [
        ["a", "b"],
        ["1", "2"],
      ],
    },
    {
      name: "quoted commas and quotes",
      csv: 'x\n"Lovelace, Ada","say ""hi"""',
      rows: [["x"], ["Lovelace, Ada", 'say "hi"']],
    },
    { name: "a line break in quotes", csv: 'a\n"two\nlines"', rows: [["a"], ["two\nlines"]] },
    { name: "blank lines skipped", csv: "a\n\n\nb\n", rows: [["a"], ["b"]] },
    { name: "empty cells kept", csv: "a,,c", rows: [["a", "", "c"]] },
  ])("reads $name", ({ csv, rows }) => {
    expect(parseCsv(csv).map((r) => r.cells)).toEqual(rows);
  });

  it.each([
    { csv: 'h\n"a\nb"\nc', lines: [1, 2, 4] },
    { csv: "a\n\n\nb\n", lines: [1, 4] },
    { csv: 'a\r\n"x\r\ny"\r\nz', lines: [1, 2, 4] },
  ])("numbers rows by the line they start on: $lines", ({ csv, lines }) => {
    expect(parseCsv(csv).map((r) => r.line)).toEqual(lines);
  });

  it.each([
    {
      why: "an unterminated quote",
      csv: 'a,b\n"x,1\n2,3\n',
      says: 'line 2: a quoted field is never closed (an unterminated ")',
    },
    {
      why: "an unterminated quote after blank lines",
      csv: 'a\nb\n\n\n"c',
      says: "line 5: a quoted field is never closed",
    },
    { why: "text after a closing quote", csv: 'a,b\n"ab"c,1\n', says: "line 2: text follows a closing quote" },
    {
      why: "a quote inside an unquoted field",
      csv: 'a,b\nab"c,1\n',
      says: "line 2: a quote in the middle of an unquoted field",
    },
  ])("refuses $why, naming the line", ({ csv, says }) => {
    expect(() => parseCsv(csv, "r.csv")).toThrow(InvalidFileError);
    expect(() => parseCsv(csv, "r.csv")).toThrow(says);
  });
});

const ROSTER = `submission,student,id,sis_user_id,sis_login_id,section
alice,"Lovelace, Ada",101,S1,ada,T1
bob.zip,"Babbage, Charles",102,S2,charles,T2
carol,"Herschel, Caroline",103,S3,caroline,T1
`;

describe("parseRoster", () => {
  it("reads the documented columns", () => {
    expect(parseRoster(ROSTER, "roster.csv")[0]).toEqual({
      submission: "alice",
      student: "Lovelace, Ada",
      id: "101",
      sis_user_id: "S1",
      sis_login_id: "ada",
      section: "T1",
      line: 2,
    });
  });

  it.each(["id", "sis_user_id", "SIS Login ID", "student"])("is content with %s as the only ID column", (column) => {
    expect(parseRoster(`submission,section,${column}\nada,T1,x`, "r.csv")).toHaveLength(1);
  });

  it("accepts Canvas's own headers, in any order", () => {
    const [e] = parseRoster('Section,SIS User ID,Student,Submission\nT9,S9,"Doe, Jo",jo', "r.csv");
    expect(e).toMatchObject({ submission: "jo", student: "Doe, Jo", sis_user_id: "S9", section: "T9", id: "" });
  });

  it.each([
    { why: "an empty file", csv: "", message: "empty" },
    {
      why: "no submission column",
      csv: "student\nAda",
      message: "no submission column; found: student; expected: submission",
    },
    { why: "no ID column", csv: "submission,section\na,T1", message: "none of the ID columns" },
    {
      why: "an unquoted comma",
      csv: "submission,student\na,Lovelace, Ada",
      message: "line 2: 3 fields where the header has 2",
    },
    { why: "an empty submission", csv: "submission,student\n,Ada", message: "line 2: the submission is empty" },
    { why: "no student at all", csv: "submission,student\nalice,", message: "names no student" },
    { why: "a submission twice", csv: "submission,student\na,X\na,Y", message: "already on line 2" },
  ])("refuses $why", ({ csv, message }) => {
    expect(() => parseRoster(csv, "roster.csv")).toThrow(InvalidFileError);
    expect(() => parseRoster(csv, "roster.csv")).toThrow(message);
  });
});

function row(submission: string, score: number | null, grading_status: Row["grading_status"] = "graded"): Row {
  const base = { note: "", failed: [], not_started: [], diagnoses: [], duration_ms: 1 };
  // A submission with no exercise results was not graded: refused, or the grader failed before any case.
  const exercises: Record<string, number> =
    grading_status === "graded" && score !== null ? { "01-linear-algebra": score } : {};
  return { ...base, exercises, submission, grading_status, score, max_score: 120 };
}

describe("matchRoster and canvasCsv", () => {
  const entries = parseRoster(ROSTER, "roster.csv");
  const rows = [row("alice", 97.5), row("bob", 0, "crashed"), row("zed", 50)];
  const match = matchRoster(entries, rows);

  it("matches roster ids as the grader names submissions (bob.zip is bob)", () => {
    expect(match.matched.map((m) => m.row?.submission)).toEqual(["alice", "bob", undefined]);
  });

  it("lists submissions not on the roster", () => {
    expect(match.unknown.map((r) => r.submission)).toEqual(["zed"]);
  });

  it("writes Canvas's layout with a Points Possible row, leaving no-shows and grader failures empty", () => {
    expect(canvasCsv(match, "Backprop kit", 120)).toBe(
      [
        "Student,ID,SIS User ID,SIS Login ID,Section,Backprop kit",
        "    Points Possible,,,,,120",
        '"Lovelace, Ada",101,S1,ada,T1,97.5',
        '"Babbage, Charles",102,S2,charles,T2,',
        '"Herschel, Caroline",103,S3,caroline,T1,',
        "",
      ].join("\n"),
    );
  });

  it.each([
    { status: "refused" as const, score: 0 },
    { status: "error" as const, score: null },
    { status: "crashed" as const, score: 0 },
  ])("leaves the cell of a $status submission with nothing graded blank, never 0", ({ status, score }) => {
    const csv = canvasCsv(matchRoster(entries, [row("alice", score, status)]), "A", 95);
    expect(csv).toContain('"Lovelace, Ada",101,S1,ada,T1,\n');
  });

  it("keeps the score of a submission whose own code crashed its worker", () => {
    const crashed = { ...row("alice", 105, "crashed"), exercises: { "05-delta": 15 } };
    expect(canvasCsv(matchRoster(entries, [crashed]), "A", 120)).toContain('"Lovelace, Ada",101,S1,ada,T1,105');
  });

  it("keeps a spreadsheet from reading a name as a formula", () => {
    const evil = parseRoster('submission,student\nx,"=HYPERLINK(""http://e"")"', "r.csv");
    expect(canvasCsv(matchRoster(evil, [row("x", 1)]), "A", 1)).toContain(`"'=HYPERLINK(""http://e"")"`);
  });
});
