/**
 * The Gradescope autograder zip: setup.sh and run_autograder at its root, and
 * the kit itself (exercise stubs, fixtures with the hidden cases, the grader,
 * package.json and its lockfile). Never the reference solutions, nor code
 * built on them: the demo class, the fixture generator, the catalogued
 * mistakes. The mistakes' outputs on every case are precomputed here instead
 * (fixtures/misconceptions.json), so Gradescope's results still name them.
 * Entries are sorted and dated alike, so the same kit packs to the same bytes.
 */
import { createWriteStream } from "node:fs";
import { mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import yazl from "yazl";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest } from "../manifest.ts";
import { TABLE_FILE_NAME } from "../misconceptions/table.ts";
import { paths } from "../paths.ts";

const SCRIPTS = path.join(paths.root, "grader", "reports", "autograder");

/** Top-level files and folders taken from the kit. */
const TAKEN = ["package.json", "package-lock.json", "tsconfig.json", "exercises", "fixtures", "grader"];

/** Paths (relative, with /) never packed: what reads or holds the solutions, the kit's own tests and tools. */
const LEFT_OUT = [
  "fixtures/submissions",
  "fixtures/" + TABLE_FILE_NAME,
  "grader/fixtures/gen",
  "grader/fixtures/generate.ts",
  "grader/fixtures/demo-class.ts",
  "grader/misconceptions/mistakes",
  "grader/release",
  "grader/cli/gradescope-package.ts",
  "grader/suites",
  "grader/test",
  "grader/reports/autograder",
];

const MTIME = new Date("2024-01-01T00:00:00Z");

export interface ZipEntry {
  /** Path inside the zip, with /. */
  name: string;
  /** Where it is read from, or its contents. */
  file: string | Buffer;
  mode: number;
}

/** The misconception table with the outputs on the public and the hidden cases: the autograder is trusted. */
async function diagnosisTable(): Promise<Buffer> {
  // Loaded here, not at the top: it runs the mistakes, which the zip leaves out.
  const { precomputeDiagnoses } = await import("../release/diagnoses.ts");
  const { publicTable, hiddenOutputs } = await precomputeDiagnoses(
    loadCases(loadManifest(), { visibility: ["public", "hidden"] }),
  );
  const table = { ...publicTable, outputs: { ...publicTable.outputs, ...hiddenOutputs } };
  return Buffer.from(JSON.stringify(table) + "\n");
}

async function walk(rel: string, into: ZipEntry[]): Promise<void> {
  if (LEFT_OUT.some((p) => rel === p || rel.startsWith(`${p}/`))) return;
  const full = path.join(paths.root, rel);
  const entries = await readdir(full, { withFileTypes: true }).catch(() => undefined);
  if (!entries) {
    into.push({ name: rel, file: full, mode: 0o100644 });
    return;
  }
  for (const e of entries) {
    // Dot-files are editor and tool state; symlinks would point outside the kit.
    if (e.name.startsWith(".") || e.isSymbolicLink()) continue;
    await walk(`${rel}/${e.name}`, into);
  }
}

/** What the zip holds, in order. */
export async function autograderEntries(): Promise<ZipEntry[]> {
  const entries: ZipEntry[] = [
    { name: "setup.sh", file: path.join(SCRIPTS, "setup.sh"), mode: 0o100755 },
    { name: "run_autograder", file: path.join(SCRIPTS, "run_autograder"), mode: 0o100755 },
  ];
  const kit: ZipEntry[] = [];
  for (const top of TAKEN) await walk(top, kit);
  kit.push({ name: `fixtures/${TABLE_FILE_NAME}`, file: await diagnosisTable(), mode: 0o100644 });
  kit.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const leaked = kit.filter((e) => e.name.startsWith("solutions/"));
  if (leaked.length > 0) throw new Error(`the autograder must not hold the solutions: ${leaked[0].name}`);
  return [...entries, ...kit];
}

/** Writes the autograder zip to `out` and returns its entries. */
export async function buildAutograderZip(out: string): Promise<ZipEntry[]> {
  const entries = await autograderEntries();
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    const data = typeof e.file === "string" ? await readFile(e.file) : e.file;
    zip.addBuffer(data, e.name, { mtime: MTIME, mode: e.mode });
  }
  zip.end();
  await mkdir(path.dirname(out), { recursive: true });
  await pipeline(zip.outputStream, createWriteStream(out));
  return entries;
}
