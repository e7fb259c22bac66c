/**
 * `check --ci`'s pieces on a result with every kind of case: annotations at
 * the failing function's line with GitHub's escaping, the job summary's
 * tables, the classroom result, and --fail-under.
 */
import { mkdir, mkdtemp, rm, writeFile, readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import {
  annotate,
  exportLine,
  formatAnnotation,
  MAX_ANNOTATIONS,
  typeWarningAnnotations,
} from "../check/annotations.ts";
import { cell, renderSummary } from "../check/ci-summary.ts";
import MarkdownIt from "markdown-it";
import { classroomResult, ClassroomResultSchema } from "../check/classroom.ts";
import { belowThreshold, parseThreshold } from "../check/ci.ts";
import { CheckSession, type CheckResult } from "../check/session.ts";

const manifest = loadManifest();
let tmp: string;
let result: CheckResult;

// 01 solved, 02 with a wrong sgn, 03 not compiling, the rest untouched stubs.
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "bpk-ci-"));
  const copy = async (from: string, rel: string, edit = (s: string) => s) => {
    await mkdir(path.dirname(path.join(tmp, rel)), { recursive: true });
    await writeFile(path.join(tmp, rel), edit(await readFile(path.join(from, rel), "utf8")));
  };
  await copy(paths.exercises, "types.ts");
  for (const e of manifest.exercises) await copy(paths.exercises, `${e.id}/${e.file}`);
  await copy(paths.solutions, "01-linear-algebra/linalg.ts");
  await copy(paths.solutions, "02-perceptron/perceptron.ts", (s) =>
    s.replace(/^export function sgn\(([^)]*)\)([^{]*)\{/m, "export function sgn($1)$2{\n  return 1;"),
  );
  await copy(paths.exercises, "03-activations/activations.ts", (s) => s + "\nconst broken: number = ;\n");
  const session = await CheckSession.open({ manifest, dir: tmp, visibility: ["public"] });
  try {
    result = await session.run();
  } finally {
    await session.close();
  }
}, 120_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe("annotations", () => {
  it("point at the failing function in the student's file, and at compile errors", () => {
    const notes = annotate(result, manifest, tmp, tmp);
    const sgn = notes.find((n) => n.title.startsWith("sgn:"));
    expect(sgn).toMatchObject({ file: "02-perceptron/perceptron.ts" });
    expect(sgn!.line).toBe(exportLine(readFileSync(path.join(tmp, sgn!.file), "utf8"), "sgn"));
    expect(sgn!.line).toBeGreaterThan(1);
    expect(notes.some((n) => n.file === "03-activations/activations.ts" && n.title.includes("does not compile"))).toBe(
      true,
    );
    // Untouched stubs are "not started", not errors.
    expect(notes.some((n) => n.file.startsWith("05-delta"))).toBe(false);
    expect(notes.length).toBeLessThanOrEqual(MAX_ANNOTATIONS);
  });

  it.each([
    ["function", "export function sgn(z: number) {", "sgn", 3],
    ["class", "export class Value {", "autodiff", 3],
    ["nothing", "const x = 1;", "sgn", 1],
  ])("finds the line of an exported %s", (_kind, line, fn, expected) => {
    expect(exportLine(`// a\n// b\n${line}\n`, fn)).toBe(expected);
  });

  it("mark type errors as warnings, ten at most", () => {
    const warning = { file: "exercises/05-delta/delta.ts", line: 13, column: 9, code: 2322, text: "Type 'number'…" };
    const typed = { ...result, type_warnings: Array.from({ length: 12 }, () => warning) };
    const lines = typeWarningAnnotations(typed, tmp, tmp);
    expect(lines).toHaveLength(MAX_ANNOTATIONS);
    expect(lines[0]).toBe(
      "::warning file=05-delta/delta.ts,line=13,col=9,title=TS2322 (a type error%3A the score does not change)::Type 'number'…",
    );
    expect(lines[MAX_ANNOTATIONS - 1]).toContain("and 2 more type errors");
  });

  it("escape as GitHub's workflow commands do", () => {
    const text = formatAnnotation({ file: "a,b:c.ts", line: 3, title: "t: 1, 2", message: "50%\nnext" });
    expect(text).toBe("::error file=a%2Cb%3Ac.ts,line=3,title=t%3A 1%2C 2::50%25%0Anext");
  });
});

describe("the job summary", () => {
  it("has a table per exercise and the sealed hidden cases as the instructor's", () => {
    const md = renderSummary(result, manifest, {
      hidden: { "05-delta": { cases: 3, points: 6 } },
      hiddenGraded: false,
    });
    expect(md.match(/^\| case \| function \| points \| result \|$/gm)).toHaveLength(manifest.exercises.length);
    expect(md).toContain("| 🔒 3 hidden cases (6 points) | | –/6 | graded by your instructor |");
    expect(md).toMatch(/### ❌ 03 .*\n\nDoes not compile/);
  });

  // With extra credit the maximum leaves the bonus out: the heading says what the terminal says, the required
  // points and the bonus apart, never a total over the required maximum ("86/87" for 65/87 plus 21 bonus).
  it.each([
    { label: "bonus points earned", bonus: 5, heading: "## backprop-kit check: 10/20 points, plus 5/5 bonus points" },
    { label: "no bonus points", bonus: 0, heading: "## backprop-kit check: 10/20 points, plus 0/5 bonus points" },
  ])("heads the summary with the required points and the bonus apart: $label", ({ bonus, heading }) => {
    const exercise = (id: string, isBonus: boolean, score: number, max: number) => ({
      ...result.exercises[0],
      id,
      bonus: isBonus,
      score,
      max_score: max,
    });
    const extra: CheckResult = {
      ...result,
      score: 10 + bonus,
      max_score: 20,
      exercises: [exercise("01-linear-algebra", false, 10, 20), exercise("08-gradient-check", true, bonus, 5)],
      cases: [],
    };
    expect(renderSummary(extra, manifest, { hidden: {}, hiddenGraded: false }).split("\n")[0]).toBe(heading);
  });

  it("heads the summary with the points alone where no exercise is a bonus", () => {
    const plain: CheckResult = { ...result, exercises: result.exercises.filter((e) => !e.bonus) };
    expect(renderSummary(plain, manifest, { hidden: {}, hiddenGraded: false }).split("\n")[0]).toBe(
      `## backprop-kit check: ${plain.score}/${plain.max_score} points`,
    );
  });

  it("keeps a cell on one line, without pipes or HTML", () => {
    expect(cell("a|b\n<c>")).toBe("a\\|b<br>&lt;c&gt;");
  });

  // Rendered as GitHub renders the summary: CommonMark with tables, its HTML (the <br>) let through.
  it.each([
    "expected 0.5, received 0.25 → at dW^[1]_{1,1}\nexpected 0.4, received 0.2 → at dW^[1]_{1,2}",
    "at W^[2]_{3,1} and δ^[1]_2, then a^[3]_1",
    "threw Error: *not* __bold__ `tick` ~~gone~~",
    "threw Error: [link](https://example.com) ![img](x.png) $x^2$ and \\$",
    "threw Error: # heading? and a back\\slash \\_ _",
  ])("shows %j as itself", (text) => {
    const html = new MarkdownIt({ html: true }).render(`| a |\n| --- |\n| ${cell(text)} |`);
    const shown = html
      .match(/<td>([\s\S]*?)<\/td>/)![1]
      .replace(/<br>/g, "\n")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
    expect(shown).toBe(text);
  });
});

describe("the classroom result", () => {
  it("is version 3 with a test per exercise whose scores add up", () => {
    const c = ClassroomResultSchema.parse(classroomResult(result, manifest));
    expect(c.version).toBe(3);
    expect(c.status).toBe("error");
    expect(c.tests).toHaveLength(manifest.exercises.length);
    expect(c.tests.reduce((s, t) => s + t.score, 0)).toBe(result.score);
    expect(c.max_score).toBe(result.max_score);
    expect(c.tests.map((t) => t.status).slice(0, 3)).toEqual(["pass", "fail", "error"]);
  });
});

describe("--fail-under", () => {
  it.each([
    ["0", false],
    ["6", false],
    ["1000", true],
    ["100%", true],
    ["0%", false],
  ])("%s fails: %s", (text, fails) => {
    expect(belowThreshold(result, parseThreshold(text)) !== undefined).toBe(fails);
  });

  it.each(["x", "-1", "101%"])("refuses %s", (text) => {
    expect(() => parseThreshold(text)).toThrow();
  });
});
