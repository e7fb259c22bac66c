/**
 * Bidi controls and C1 characters from a submission reach no file the grader
 * writes (issue 21.10): the submission carries every one of them in its
 * folder name, a file name, an identifier (an esbuild compile error quotes
 * it), a string type (a TypeScript warning quotes it), a thrown message and a
 * comment (similarity.html shows the code), and the roster in student names.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paths } from "../paths.ts";
import { escapeHtml } from "../reports/html-page.ts";
import { escapeInvisibleJson, stripControls, stripControlsDeep } from "../sanitize.ts";
import { installed } from "../similarity/dolos.ts";
import { invisibleCharacters } from "./corpus-intake.ts";
import { listFiles, sh } from "./release-helpers.ts";

const ALL = invisibleCharacters.map((c) => c.char).join("");
const tmp = mkdtempSync(path.join(os.tmpdir(), "bpk-intake-bidi-"));
const out = path.join(tmp, "results");
const evilFolder = `eve${ALL}evil`;
let graded: Awaited<ReturnType<typeof sh>>;

beforeAll(async () => {
  const klass = path.join(tmp, "class");
  cpSync(paths.solutions, path.join(klass, "ada", "exercises"), { recursive: true });
  const ex = path.join(klass, evilFolder, "exercises");
  cpSync(paths.solutions, ex, { recursive: true });
  const linalg = path.join(ex, "01-linear-algebra", "linalg.ts");
  const note = `n${ALL}ote`;
  writeFileSync(path.join(ex, "01-linear-algebra", `${note}.ts`), `export const n: number = "${ALL}";\n`);
  writeFileSync(
    linalg,
    `/* A comment: ${ALL} end */\nimport { n } from "./${note}";\nexport const shown: "a${ALL}b" = "c";\nvoid n;\n` +
      readFileSync(linalg, "utf8").replace(
        /export function transpose\(([^)]*)\)([^{]*)\{/,
        (m) => `${m}\n  if (Math.random() < 2) throw new Error("thrown ${ALL} message");`,
      ),
  );
  const autodiff = path.join(ex, "09-autodiff", "autodiff.ts");
  writeFileSync(autodiff, `const bad${invisibleCharacters[14].char}name = 1;\n` + readFileSync(autodiff, "utf8"));
  const roster = path.join(tmp, "roster.csv");
  writeFileSync(roster, `submission,student\nada,Ada ${ALL} Lovelace\neve_evil,"Eve ${ALL}"\n`);
  const args = ["run", "-s", "grade", "--", klass, "--out", out, "--roster", roster, "-j", "2"];
  graded = await sh("npm", installed() ? [...args, "--similarity"] : args, paths.root);
}, 600_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("a submission full of bidi controls and C1 characters", () => {
  it("is graded, and its messages say what went wrong", () => {
    expect(graded.code, graded.stderr).toBe(0);
    const result = JSON.parse(readFileSync(path.join(out, "eve_evil", "results.json"), "utf8"));
    const text = JSON.stringify(result);
    expect(text.includes("thrown  message"), "the thrown message, cleaned").toBe(true);
    // TypeScript quotes the string type (writing some characters as \u escapes itself); the rest are gone.
    const warnings = (result.type_warnings as { text: string; file: string }[]).map((w) => `${w.file}: ${w.text}`);
    expect(
      warnings.some((w) =>
        /^exercises\/01-linear-algebra\/linalg\.ts: Type '"c"' is not assignable to type '"a.*b"'/.test(w),
      ),
    ).toBe(true);
    expect(warnings.some((w) => w.startsWith("exercises/01-linear-algebra/note.ts: "))).toBe(true);
    // A source path with such characters is left out (grade-submission.ts), not written.
    expect(result.source).toBeUndefined();
  });

  const files = () => listFiles(out).filter((f) => !f.startsWith("assets"));
  it("writes the outputs this test checks", () => {
    const names = files().map((f) => path.basename(f));
    for (const name of ["results.json", "feedback.md", "feedback.html", "gradebook.csv", "canvas.csv", "summary.html"])
      expect(names).toContain(name);
    if (installed()) expect(names).toContain("similarity.html");
  });

  it.each(invisibleCharacters)("writes no raw $name in any output file", ({ char }) => {
    const found = files().filter((f) => readFileSync(path.join(out, f), "utf8").includes(char));
    expect(found).toEqual([]);
  });

  it("shows the comment's controls in similarity.html as code points", () => {
    if (!installed()) return;
    expect(readFileSync(path.join(out, "similarity.html"), "utf8")).toContain("A comment: [U+0080]");
  });
});

describe("the cleaning functions", () => {
  it.each(invisibleCharacters)("strip, escape and show $name", ({ char }) => {
    const s = `a${char}b\nc`;
    expect(stripControls(s)).toBe("ab\nc");
    expect(stripControls(s, true)).toBe("ab c");
    expect(stripControlsDeep({ x: [s], source: s }, new Set(["source"]))).toEqual({ x: ["ab\nc"], source: s });
    const json = escapeInvisibleJson(JSON.stringify({ s }));
    expect(json).not.toContain(char);
    expect(JSON.parse(json).s).toBe(s);
    expect(escapeHtml(s)).toMatch(/^a\[U\+[0-9A-F]{4}\]b\nc$/);
  });

  it("leaves honest text alone: accents, scripts written right to left, emoji", () => {
    for (const s of ["Zoë Müller", "مرحبا", "שלום", "👩‍💻 tab\there"]) {
      expect(stripControls(s)).toBe(s);
      expect(escapeInvisibleJson(JSON.stringify(s))).toBe(JSON.stringify(s));
    }
  });
});
