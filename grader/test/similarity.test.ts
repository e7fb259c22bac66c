/**
 * Similarity with Dolos: the calibration (independent solutions never
 * flagged, disguised copies always flagged), the tokenizer against Dolos's
 * own, and the reports. The test run's global setup installs Dolos
 * (`npm run similarity:install`), so these never skip unnoticed.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  calibrationClass,
  CORPUS,
  independentStudents,
  ORIGINAL,
  student,
} from "../../bench/similarity-calibration.ts";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { analyzeClass, type ClassSimilarity } from "../similarity/analyze.ts";
import { INSTALL_COMMAND, installed, loadDolos, SimilarityUnavailableError } from "../similarity/dolos.ts";
import { SIMILARITY_THRESHOLD } from "../similarity/flag.ts";
import { tokenizeText } from "../similarity/tokenize.ts";
import { cliArgs } from "./cli-bundle.ts";
import { sh } from "./release-helpers.ts";
import { DISGUISES, renameIdentifiers } from "./similarity-disguise.ts";

const manifest = loadManifest();
const available = installed();

it("has Dolos installed by the global setup, so the calibration below never skips", () => {
  expect(available, `grader/test/global-setup.ts runs ${INSTALL_COMMAND}`).toBe(true);
  expect(new SimilarityUnavailableError("it is not installed").message).toContain(INSTALL_COMMAND);
});

const students = [...independentStudents(manifest).keys()];
const independentPairs = students.flatMap((a, i) => students.slice(i + 1).map((b) => [a, b] as const));

describe.skipIf(!available)("calibration: independent solutions and disguised copies", () => {
  let result: ClassSimilarity;
  const pooled = (a: string, b: string) => {
    const [x, y] = [a, b].sort();
    return result.pairs.find((p) => p.a === x && p.b === y);
  };

  beforeAll(async () => {
    result = await analyzeClass({ submissions: calibrationClass(manifest), missing: [] }, manifest);
  }, 600_000);

  it("has at least 8 independent implementations of every exercise in the corpus", () => {
    for (const exercise of readdirSync(CORPUS).filter((f) => /^\d\d-/.test(f)))
      expect(readdirSync(path.join(CORPUS, exercise)).length, exercise).toBeGreaterThanOrEqual(8);
  });

  it.each(independentPairs)("does not flag %s against %s", (a, b) => {
    const pair = pooled(`${a}/${ORIGINAL}`, `${b}/${ORIGINAL}`);
    expect(pair?.similarity ?? 0).toBeLessThan(SIMILARITY_THRESHOLD);
    expect(pair?.flagged ?? false).toBe(false);
  });

  it.each(students.flatMap((s) => DISGUISES.map(([name]) => [s, name] as const)))(
    "flags %s against its copy with %s",
    (s, name) => {
      const pair = pooled(`${s}/${ORIGINAL}`, `${s}/${name}`);
      expect(pair?.flagged).toBe(true);
    },
  );

  it.each(students.flatMap((s) => DISGUISES.map(([name]) => [s, name] as const)))(
    "ranks %s's copy with %s above every other student, in every pair of submissions",
    (s, name) => {
      const copy = pooled(`${s}/${ORIGINAL}`, `${s}/${name}`)!.similarity;
      const others = result.pairs.filter(
        (p) => [p.a, p.b].includes(`${s}/${ORIGINAL}`) && student(p.a) !== student(p.b),
      );
      for (const p of others) expect(p.similarity, `${p.a} ~ ${p.b}`).toBeLessThan(copy);
    },
  );

  it("scores renamed identifiers, reordered functions and new comments at 80% or more in every exercise", () => {
    for (const e of result.exercises)
      for (const [name] of DISGUISES.slice(0, 3))
        for (const s of students) {
          const [a, b] = [`${s}/${ORIGINAL}`, `${s}/${name}`].sort();
          const p = e.pairs.find((x) => x.a === a && x.b === b);
          if (e.files.has(a)) expect(p?.similarity ?? 0, `${e.exercise}: ${a} ~ ${b}`).toBeGreaterThanOrEqual(0.8);
        }
  });
});

describe.skipIf(!available)("the tokenizer", () => {
  const files = [
    ...manifest.exercises.flatMap((e) => [
      path.join(paths.solutions, e.id, e.file),
      path.join(paths.exercises, e.id, e.file),
    ]),
    ...readdirSync(CORPUS, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => path.join(CORPUS, f)),
  ].map((f) => [path.relative(paths.root, f)]);

  it.each(files)("gives Dolos's own tokens and regions for %s", async (rel) => {
    const { lib, tokenizer } = await loadDolos();
    const text = readFileSync(path.join(paths.root, rel), "utf8");
    const ours = tokenizeText(lib, tokenizer, rel, text) as unknown as { tokens: string[]; mapping: unknown[] };
    const theirs = tokenizer.tokenizeFile(new lib.File(rel, text)) as unknown as typeof ours;
    expect(ours.tokens).toEqual(theirs.tokens);
    expect(JSON.stringify(ours.mapping)).toBe(JSON.stringify(theirs.mapping));
  });

  it("survives deeply nested code without overflowing the stack", async () => {
    const { lib, tokenizer } = await loadDolos();
    const deep = `export const x = ${"[".repeat(20000)}1${"]".repeat(20000)};`;
    expect(tokenizeText(lib, tokenizer, "deep", deep).tokens.length).toBeGreaterThan(20000);
  });
});

describe.skipIf(!available)(
  "npm run grade -- --similarity and npm run similarity, on a class with a planted copy",
  () => {
    let tmp: string;
    let graded: Awaited<ReturnType<typeof sh>>;
    let again: Awaited<ReturnType<typeof sh>>;
    const klass = () => path.join(tmp, "class");
    const out = () => path.join(tmp, "results");

    beforeAll(async () => {
      tmp = await mkdtemp(path.join(os.tmpdir(), "similarity-"));
      const write = async (id: string, files: Map<string, string>) => {
        for (const e of manifest.exercises) {
          const target = path.join(klass(), id, "exercises", e.id, e.file);
          await mkdir(path.dirname(target), { recursive: true });
          await writeFile(target, files.get(e.id) ?? readFileSync(path.join(paths.exercises, e.id, e.file), "utf8"));
        }
      };
      const everyone = independentStudents(manifest);
      for (const [id, files] of everyone) await write(id, files);
      // The planted copy: student-4 with every name changed. Its id starts like a formula, and one of
      // its files carries markup, for the CSV guard and the escaping.
      const copied = new Map([...everyone.get("student-4")!].map(([e, text]) => [e, renameIdentifiers(text)]));
      copied.set("05-delta", `${copied.get("05-delta")}\n// </pre><script>alert(1)</script>\n`);
      await write("-zed-renamed", copied);
      graded = await sh(process.execPath, cliArgs("grade", [klass(), "--out", out(), "--similarity"]), paths.root);
      again = await sh(process.execPath, cliArgs("similarity", [out()]), paths.root);
    }, 600_000);

    afterAll(async () => {
      if (tmp) await rm(tmp, { recursive: true, force: true });
    });

    it("lists the planted copy as the top pair at the end of the run, and no other pair at or above the threshold", () => {
      expect(graded.code, graded.stderr).toBe(0);
      const lines = graded.stdout.split("\n");
      const at = lines.findIndex((l) => l.startsWith("Similarity:"));
      expect(lines[at]).toMatch(/1 pair at or above 60%/);
      expect(lines[at + 1]).toMatch(/!\s+\d+%\s+-zed-renamed\s+↔\s+student-4/);
      expect(lines.slice(at + 2, at + 6).every((l) => !l.trimStart().startsWith("!"))).toBe(true);
    });

    it("writes similarity.html with the copy first, escaped, and linked from summary.html", () => {
      const html = readFileSync(path.join(out(), "similarity.html"), "utf8");
      const firstRow = /<tbody><tr[^>]*>[\s\S]*?<\/tr>/.exec(html)![0];
      expect(firstRow).toContain("student-4");
      expect(firstRow).toContain("-zed-renamed");
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain("&#60;/pre&#62;&#60;script&#62;");
      expect(readFileSync(path.join(out(), "summary.html"), "utf8")).toContain('href="similarity.html"');
    });

    it("writes similarity.csv with every pair, formula-like names guarded", () => {
      const csv = readFileSync(path.join(out(), "similarity.csv"), "utf8").split("\n");
      expect(csv[0]).toBe("scope,submission_a,submission_b,similarity,longest_fragment,flagged");
      expect(csv[1]).toMatch(/^all,'-zed-renamed,student-4,[\d.]+,\d+,yes$/);
      expect(csv.filter((l) => l.startsWith("all,") && l.endsWith(",yes"))).toHaveLength(1);
      expect(csv.some((l) => /(^|,)[=+\-@]/.test(l))).toBe(false);
    });

    it("compares a results folder again from where its submissions were", () => {
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/10 submissions compared/);
      expect(again.stdout).toMatch(/-zed-renamed\s+↔\s+student-4/);
    });

    it("refuses --similarity with --shard, saying what to do instead", async () => {
      const run = await sh(
        process.execPath,
        cliArgs("grade", [klass(), "--out", path.join(tmp, "shard"), "--shard", "1/2", "--similarity"]),
        paths.root,
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("npm run similarity -- <merged folder>");
      expect(existsSync(path.join(tmp, "shard", "gradebook.csv"))).toBe(false);
    });
  },
);
