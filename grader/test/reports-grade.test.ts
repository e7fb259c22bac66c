/**
 * `npm run grade -- ... --roster roster.csv`: every submission gets
 * feedback.md, feedback.html and a valid gradescope.json; the class gets
 * summary.html and canvas.csv; the roster's gaps are printed and shown.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadManifest } from "../manifest.ts";
import { GradescopeResultsSchema } from "../reports/gradescope-schema.ts";
import { gradeSampleClass, type GradedClass } from "./report-class.ts";

const SUBMISSIONS = ["injecting", "mistake", "reference", "stubs"];
let tmp: string;
let graded: GradedClass;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-reports-"));
  graded = await gradeSampleClass(tmp);
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

const read = (...rel: string[]) => readFile(path.join(graded.out, ...rel), "utf8");

describe("per submission", () => {
  it.each(SUBMISSIONS)("%s has feedback.md, feedback.html and a valid gradescope.json", async (id) => {
    for (const f of ["results.json", "feedback.md", "feedback.html"])
      expect(existsSync(path.join(graded.out, id, f))).toBe(true);
    expect(GradescopeResultsSchema.safeParse(JSON.parse(await read(id, "gradescope.json"))).success).toBe(true);
  });

  it("writes no shared assets: every page stands alone", () => {
    expect(existsSync(path.join(graded.out, "assets"))).toBe(false);
  });

  it("names the catalogued mistake in the feedback", async () => {
    expect(await read("mistake", "feedback.md")).toContain("Likely mistake: δ without the g′(f) factor");
  });

  it("keeps the injecting message as text", async () => {
    const html = await read("injecting", "feedback.html");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toMatch(/<script|href="https:/);
  });
});

describe("for the class", () => {
  it("writes summary.html with the histogram, the exercises, the most failed cases and the misconceptions", async () => {
    const html = await read("summary.html");
    for (const id of ["scores", "exercises", "most-failed", "misconceptions", "roster", "submissions"])
      expect(html).toContain(`id="${id}"`);
    expect(html).toContain("δ without the g′(f) factor");
    expect(html).toContain('<a href="mistake/feedback.html">mistake</a>');
  });

  it("writes canvas.csv for the roster's students, in the roster's order", async () => {
    const lines = (await read("canvas.csv")).trim().split("\n");
    expect(lines[0]).toBe("Student,ID,SIS User ID,SIS Login ID,Section,Backprop (A1)");
    expect(lines[1]).toMatch(/^ {4}Points Possible,,,,,\d+$/);
    // Points Possible is the required points; full marks carry the bonus exercises on top.
    const points = (bonus: boolean) =>
      loadManifest()
        .exercises.filter((e) => e.bonus === bonus)
        .reduce((sum, e) => sum + e.points, 0);
    expect(lines[1].split(",").at(-1)).toBe(String(points(false)));
    expect(lines.slice(2)).toEqual([
      `"Lovelace, Ada",101,S101,ada,T1,${points(false) + points(true)}`,
      '"Babbage, Charles",102,S102,charles,T1,0',
      expect.stringMatching(/^"Herschel, Caroline",103,S103,caroline,T2,\d+$/),
      '"Noether, Emmy",104,S104,emmy,T2,',
    ]);
  });

  it("prints and shows the submissions missing from the roster and the students with none", async () => {
    expect(graded.stdout).toContain("Not on the roster, so left out of canvas.csv: injecting.");
    expect(graded.stdout).toContain("On the roster with no submission: Noether, Emmy (absent).");
    const html = await read("summary.html");
    expect(html).toContain("<code>injecting</code>");
    expect(html).toContain("Noether, Emmy");
  });
});
