/**
 * A TA's day through the real CLI: a class with full marks (bonus on top of
 * the required maximum), untouched stubs, loose exercise files in a folder and
 * a zip, and a refused submission, graded with a roster into canvas.csv; then
 * a merge that meets a submission the grader could not grade (status error).
 * Refused and ungraded submissions get blank Canvas cells and are listed for
 * the TA, apart; the summary counts every figure over the graded ones.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SubmissionResultSchema, type SubmissionResult } from "../engine/results.ts";
import { zip } from "../fixtures/zip.ts";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { parseCsv } from "../reports/csv-read.ts";
import { cliArgs } from "./cli-bundle.ts";

const run = promisify(execFile);
const grade = (...args: string[]) => run(process.execPath, cliArgs("grade", args), { cwd: paths.root });
const manifest = loadManifest();
const points = (bonus: boolean) =>
  manifest.exercises.filter((e) => e.bonus === bonus).reduce((s, e) => s + e.points, 0);
const pointsOf = (...ids: string[]) =>
  manifest.exercises.filter((e) => ids.includes(e.id)).reduce((s, e) => s + e.points, 0);
const solution = (id: string) => {
  const e = manifest.exercises.find((x) => x.id === id)!;
  return path.join(paths.solutions, e.id, e.file);
};

const ROSTER = `Submission,Student,ID,Section
amy,"Ames, Amy",1,T1
bo,"Bo, Bo",2,T1
lu,"Lu, Lu",3,T2
zo,"Zo, Zo",4,T2
rex,"Rex, Rex",5,T2
eve,"Eve, Eve",6,T1
nia,"Nia, Nia",7,T1
`;

let tmp: string;
let out: string;
let stdout: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-ta-"));
  const cls = path.join(tmp, "class");
  await cp(paths.solutions, path.join(cls, "amy", "exercises"), { recursive: true });
  await cp(paths.exercises, path.join(cls, "bo", "exercises"), { recursive: true });
  // Loose files as students upload them: one at the top, one a folder down.
  await mkdir(path.join(cls, "lu", "hw"), { recursive: true });
  await cp(solution("01-linear-algebra"), path.join(cls, "lu", "linalg.ts"));
  await cp(solution("05-delta"), path.join(cls, "lu", "hw", "delta.ts"));
  await writeFile(
    path.join(cls, "zo.zip"),
    await zip([
      { name: "delta.ts", data: await readFile(solution("05-delta")) },
      { name: "README.txt", data: "mine" },
    ]),
  );
  await mkdir(path.join(cls, "rex"), { recursive: true });
  await writeFile(path.join(cls, "rex", "notes.txt"), "forgot the code");
  await writeFile(path.join(tmp, "roster.csv"), ROSTER);
  out = path.join(tmp, "results");
  ({ stdout } = await grade(cls, "--out", out, "--roster", path.join(tmp, "roster.csv")));
}, 240_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

/** canvas.csv as student → the assignment's cell. */
const canvasCells = async (dir: string) =>
  new Map(parseCsv(await readFile(path.join(dir, "canvas.csv"), "utf8")).map((r) => [r.cells[0], r.cells[5]]));

describe("bonus as extra credit", () => {
  it("puts the required points in Points Possible and every point in a full score", async () => {
    const cells = await canvasCells(out);
    expect(cells.get("    Points Possible")).toBe(String(points(false)));
    expect(cells.get("Ames, Amy")).toBe(String(points(false) + points(true)));
  });

  it("gives the gradebook, results.json, Gradescope and the feedback page the same maximum", async () => {
    const gradebook = (await readFile(path.join(out, "gradebook.csv"), "utf8")).split("\n");
    expect(gradebook.find((l) => l.startsWith("amy,"))).toMatch(
      new RegExp(`^amy,graded,${points(false) + points(true)},${points(false)},`),
    );
    const result = JSON.parse(await readFile(path.join(out, "amy", "results.json"), "utf8")) as SubmissionResult;
    expect(result.max_score).toBe(points(false));
    const gs = JSON.parse(await readFile(path.join(out, "amy", "gradescope.json"), "utf8"));
    expect(gs.score).toBe(points(false) + points(true));
    expect(new Set(gs.tests.map((t: { visibility: string }) => t.visibility))).toEqual(
      new Set(["visible", "after_due_date"]),
    );
    const note = `Bonus exercises are extra credit: up to ${points(true)} points on top of the ${points(false)}.`;
    expect(gs.output).toContain(note);
    expect(await readFile(path.join(out, "amy", "feedback.md"), "utf8")).toContain(note);
  });
});

describe("loose exercise files", () => {
  it.each([
    { id: "lu", from: "a folder", score: pointsOf("01-linear-algebra", "05-delta") },
    { id: "zo", from: "a zip", score: pointsOf("05-delta") },
  ])("grades $from of them by the stubs' names", async ({ id, score }) => {
    const result = SubmissionResultSchema.parse(JSON.parse(await readFile(path.join(out, id, "results.json"), "utf8")));
    // The files not handed in are "not submitted", never a compile error.
    expect(result.grading_status).toBe("graded");
    expect(result.score).toBe(score);
    expect(result.note).toMatch(/^not submitted: /);
    expect(result.exercises.filter((e) => e.score === 0).every((e) => e.status === "not submitted")).toBe(true);
  });
});

describe("refused submissions", () => {
  it("get blank score cells in gradebook.csv too, with the reason", async () => {
    const gradebook = parseCsv(await readFile(path.join(out, "gradebook.csv"), "utf8"));
    const rex = gradebook.find((r) => r.cells[0] === "rex")!.cells;
    expect(rex.slice(0, 4)).toEqual(["rex", "refused", "", String(points(false))]);
    expect(rex.slice(4, -1)).toEqual(manifest.exercises.map(() => ""));
    expect(rex.at(-1)).toMatch(/^no exercises\/ folder/);
  });

  it("get a blank Canvas cell, not 0, as do students with no submission", async () => {
    const cells = await canvasCells(out);
    expect(cells.get("Rex, Rex")).toBe("");
    expect(cells.get("Nia, Nia")).toBe("");
    expect(cells.get("Bo, Bo")).toBe("0");
  });

  it("are listed for the TA at the end of the run, with the reason", () => {
    expect(stdout).toMatch(
      /Refused, so no score \(a blank cell in canvas\.csv\)[^\n]*\n {2}rex: no exercises\/ folder/,
    );
    expect(stdout).not.toContain("grader failed");
  });
});

describe("a submission the grader could not grade, met by merge", () => {
  let merged: string;
  let mergeOut: string;

  beforeAll(async () => {
    const shard = path.join(tmp, "shard-with-error");
    await cp(out, shard, { recursive: true });
    const amy = JSON.parse(await readFile(path.join(out, "amy", "results.json"), "utf8")) as SubmissionResult;
    const eve: SubmissionResult = {
      ...amy,
      submission: "eve",
      grading_status: "error",
      score: null,
      note: "the sandbox would not start",
      exercises: [],
      cases: [],
    };
    await mkdir(path.join(shard, "eve"));
    await writeFile(path.join(shard, "eve", "results.json"), JSON.stringify(eve));
    merged = path.join(tmp, "merged");
    // Any ID column is enough: this roster has no student column.
    const roster = ROSTER.replace(/^(\w+),"[^"]*",(\w+),/gm, "$1,$2,").replace(
      /^.*\n/,
      "submission,sis_user_id,section\n",
    );
    await writeFile(path.join(tmp, "roster-ids.csv"), roster);
    ({ stdout: mergeOut } = await grade("merge", shard, "--out", merged, "--roster", path.join(tmp, "roster-ids.csv")));
  }, 120_000);

  it("gets a blank Canvas cell, with a roster whose only ID column is sis_user_id", async () => {
    const bySisId = new Map(
      parseCsv(await readFile(path.join(merged, "canvas.csv"), "utf8")).map((r) => [r.cells[2], r.cells[5]]),
    );
    expect(bySisId.get("6")).toBe("");
    expect(bySisId.get("5")).toBe("");
    expect(bySisId.get("1")).toBe(String(points(false) + points(true)));
  });

  it("is listed apart from the refused ones, with what to do", () => {
    const refused = mergeOut.indexOf("Refused, so no score");
    const failed = mergeOut.indexOf("Not graded because the grader failed");
    expect(refused).toBeGreaterThanOrEqual(0);
    expect(failed).toBeGreaterThan(refused);
    expect(mergeOut.slice(failed)).toMatch(/run the same command again[^\n]*\n {2}eve: the sandbox would not start/);
    expect(mergeOut.slice(refused, failed)).not.toContain("eve");
  });

  it("and the summary say one denominator: the graded submissions", async () => {
    const html = await readFile(path.join(merged, "summary.html"), "utf8");
    expect(html).toContain("Every figure below is over the 4 graded submissions");
    expect(html).toMatch(/<b>1 submission was refused<\/b>.*<code>rex<\/code>/s);
    expect(html).toMatch(/<b>The grader could not grade 1 submission<\/b>.*<code>eve<\/code>/s);
    expect(html).toContain("Over the 4 graded submissions.");
    // Each most-failed case is counted out of the graded submissions, not of all 6.
    expect(html).not.toMatch(/\d+ \/ 6<\/td>/);
    expect(html).toMatch(/\d+ \/ 4<\/td>/);
  });
});
