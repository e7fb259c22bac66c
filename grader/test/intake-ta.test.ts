/**
 * What a TA hands the grade command (issue 24.6): a roster saved by Excel in
 * any locale (";" or tabs, UTF-16, Windows-1252, a sep= line), `grade --help`
 * that lists its commands and says each default once, an --out folder that
 * cannot be written in, and the Canvas column title's catch.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { paths } from "../paths.ts";
import { detectDelimiter } from "../reports/csv-read.ts";
import { loadRoster } from "../reports/roster.ts";
import { ROSTER_ENTRIES, rosterSpellings } from "./corpus-intake.ts";
import { sh } from "./release-helpers.ts";

const tmp = mkdtempSync(path.join(os.tmpdir(), "bpk-intake-ta-"));
afterAll(() => {
  chmodSync(path.join(tmp), 0o755);
  rmSync(tmp, { recursive: true, force: true });
});
const grade = (...args: string[]) => sh("npm", ["run", "-s", "grade", "--", ...args], paths.root);

describe("a roster as spreadsheets save it", () => {
  it.each(rosterSpellings)("reads $name", async ({ name, bytes }) => {
    const file = path.join(tmp, `${name.replace(/\W+/g, "-")}.csv`);
    writeFileSync(file, bytes);
    const entries = await loadRoster(file);
    expect(entries.map(({ submission, student, id }) => ({ submission, student, id }))).toEqual(ROSTER_ENTRIES);
  });

  it.each([
    { header: "submission,student", sep: "," },
    { header: "submission;student", sep: ";" },
    { header: "submission\tstudent", sep: "\t" },
    { header: "submission", sep: "," },
    { header: '"Lovelace, Ada";"x;y";id', sep: ";" },
    { header: '"a;b;c",d', sep: "," },
    { header: "Student, Name;ID;SIS User ID", sep: ";" },
    { header: "sep=\t", sep: "\t" },
  ])("takes $header as separated by $sep", ({ header, sep }) => {
    expect(detectDelimiter(`${header}\nx`)).toBe(sep);
  });
});

describe("npm run grade -- --help", () => {
  it("says each default once, lists merge and regrade, and fits 80 columns", async () => {
    const r = await grade("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\(default: [^)]*\)\s*\(default:/);
    expect(r.stdout).toMatch(/^Commands:\n {2}merge .*\n {2}regrade /m);
    expect(r.stdout.split("\n").filter((l) => l.length > 80)).toEqual([]);
  });

  it("tells the TA that the Canvas column title must match an existing assignment", async () => {
    const r = await grade("--help");
    expect(r.stdout.replace(/\s+/g, " ")).toMatch(
      /--assignment <title> .*must match the existing Canvas assignment's name exactly, or Canvas's import makes a new assignment/,
    );
    expect(readFileSync(path.join(paths.root, "README.md"), "utf8").replace(/\s+/g, " ")).toMatch(
      /--assignment.{0,200}must match.{0,80}Canvas.{0,120}new (column|assignment)/,
    );
  });
});

describe("an --out folder the grader cannot write in", () => {
  const readOnly = path.join(tmp, "read-only");
  mkdirSync(readOnly);
  chmodSync(readOnly, 0o555);
  // As root a folder's permissions do not stop writes; sysfs still refuses them.
  const folders = [process.getuid?.() === 0 ? "/sys/kernel" : readOnly];
  it.each(folders)("%s: one line, no stack trace, before any grading", async (out) => {
    const r = await grade(path.join(paths.root, "exercises"), "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `--out ${out}: cannot write in this folder (permission denied); give another folder for the output`,
    );
    expect(r.stdout).toBe("");
  });
});
