/**
 * `npm run similarity:calibrate`: the figures behind the similarity threshold
 * (README, "Similarity"). A class is built from the reference solutions and
 * the independently written corpus (grader/test/similarity-corpus/): student
 * k has the k-th corpus file of each exercise the corpus covers, "reference"
 * has every reference solution. Each student also appears in disguise (the
 * copies of grader/test/similarity-disguise.ts). It prints, per exercise and
 * pooled over the exercises as the report flags them, the highest similarity
 * of two independent students and the lowest of a student and a disguised
 * copy. Needs Dolos (`npm run similarity:install`).
 *
 *   npm run similarity:calibrate                 the table
 *   npm run similarity:calibrate -- --write DIR  also writes the undisguised class as submissions
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadManifest, type Manifest } from "../grader/manifest.ts";
import { paths } from "../grader/paths.ts";
import { analyzeClass, type ClassSimilarity } from "../grader/similarity/analyze.ts";
import { SIMILARITY_THRESHOLD } from "../grader/similarity/flag.ts";
import type { SubmissionTexts } from "../grader/similarity/sources.ts";
import { DISGUISES } from "../grader/test/similarity-disguise.ts";

export const CORPUS = path.join(paths.root, "grader", "test", "similarity-corpus");
export const ORIGINAL = "original";

/** The independent students: "reference" and student-1 … student-k, exercise id → text. */
export function independentStudents(manifest: Manifest): Map<string, Map<string, string>> {
  const students = new Map<string, Map<string, string>>();
  const reference = new Map<string, string>();
  for (const e of manifest.exercises) {
    reference.set(e.id, readFileSync(path.join(paths.solutions, e.id, e.file), "utf8"));
    const dir = path.join(CORPUS, e.id);
    if (!existsSync(dir)) continue;
    readdirSync(dir)
      .sort()
      .forEach((f, k) => {
        const id = `student-${k + 1}`;
        if (!students.has(id)) students.set(id, new Map());
        students.get(id)!.set(e.id, readFileSync(path.join(dir, f), "utf8"));
      });
  }
  return new Map([["reference", reference], ...students]);
}

/** Every independent student as submitted and in each disguise: ids "<student>/<disguise or original>". */
export function calibrationClass(manifest: Manifest): SubmissionTexts[] {
  return [...independentStudents(manifest)].flatMap(([student, files]) => [
    { id: `${student}/${ORIGINAL}`, files },
    ...DISGUISES.map(([name, disguise]) => ({
      id: `${student}/${name}`,
      files: new Map([...files].map(([e, text]) => [e, disguise(text)])),
    })),
  ]);
}

export const student = (id: string) => id.split("/")[0];

export interface Figures {
  scope: string;
  students: number;
  /** The most similar pair of two different students, with its similarity. */
  independent?: { a: string; b: string; similarity: number };
  /** Per disguise, the least similar pair of an original and its disguised copy. */
  copies: Map<string, number>;
}

function figures(scope: string, pairs: { a: string; b: string; similarity: number }[], ids: string[]): Figures {
  // Two disguised files carry the same planted dead code and comments: at least one side is as written.
  const independent = pairs.find(
    (p) => student(p.a) !== student(p.b) && (p.a.endsWith(`/${ORIGINAL}`) || p.b.endsWith(`/${ORIGINAL}`)),
  );
  const copies = new Map<string, number>();
  const students = new Set(ids.map(student));
  const byKey = new Map(pairs.map((p) => [`${p.a}\u0000${p.b}`, p.similarity]));
  for (const [name] of DISGUISES) {
    let least = 1;
    for (const s of students) {
      const [a, b] = [`${s}/${ORIGINAL}`, `${s}/${name}`].sort();
      if (ids.includes(a) && ids.includes(b)) least = Math.min(least, byKey.get(`${a}\u0000${b}`) ?? 0);
    }
    copies.set(name, least);
  }
  return { scope, students: students.size, independent, copies };
}

/** The figures per exercise, then pooled ("all exercises"), from one analysis of the calibration class. */
export function calibrationFigures(result: ClassSimilarity): Figures[] {
  const perExercise = result.exercises.map((e) => figures(e.exercise, e.pairs, [...e.files.keys()]));
  return [...perExercise, figures("all exercises (pooled, flagged)", result.pairs, result.compared)];
}

async function writeClass(manifest: Manifest, dir: string): Promise<void> {
  for (const [id, files] of independentStudents(manifest))
    for (const e of manifest.exercises) {
      const target = path.join(dir, id, "exercises", e.id, e.file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, files.get(e.id) ?? readFileSync(path.join(paths.exercises, e.id, e.file), "utf8"));
    }
  console.log(`Wrote the ${independentStudents(manifest).size} independent students to ${dir}.`);
}

async function main(argv: string[]): Promise<void> {
  const manifest = loadManifest();
  const write = argv.indexOf("--write");
  if (write >= 0) await writeClass(manifest, path.resolve(argv[write + 1] ?? "calibration-class"));
  const result = await analyzeClass({ submissions: calibrationClass(manifest), missing: [] }, manifest);
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  console.log(`threshold: ${pct(SIMILARITY_THRESHOLD)}; compared in ${(result.ms / 1000).toFixed(1)} s\n`);
  console.log(
    `| compared | students | most similar independent pair | ${DISGUISES.map(([n]) => n).join(" | ")} |\n` +
      `|---|---:|---|${DISGUISES.map(() => "---:").join("|")}|`,
  );
  for (const f of calibrationFigures(result)) {
    const worst = f.independent
      ? `${pct(f.independent.similarity)} (${student(f.independent.a)}, ${student(f.independent.b)})`
      : "–";
    console.log(
      `| ${f.scope} | ${f.students} | ${worst} | ${DISGUISES.map(([n]) => pct(f.copies.get(n)!)).join(" | ")} |`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
