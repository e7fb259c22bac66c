/**
 * Builds the student repository: the stubs and guides, the public cases, the
 * hidden cases sealed under the course's key, the misconception table, the
 * part of the grader `npm run check` loads, and the student's package.json,
 * lock, README and workflow. Nothing of solutions/, no hidden case in plain
 * text, no mistake code. Every text file is prettier-formatted.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as prettier from "prettier";
import { ReleaseError } from "../errors.ts";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { fixtureFile, loadCases } from "../fixtures/load.ts";
import { loadTiming, publicTiming, TIMING_FILE } from "../fixtures/timing.ts";
import { seal, SEALED_FILE_NAME, type HiddenCount } from "../check/sealed.ts";
import { TABLE_FILE_NAME } from "../misconceptions/table.ts";
import { courseOnly, graderClosure } from "./contents.ts";
import { precomputeDiagnoses } from "./diagnoses.ts";
import { studentLock, studentPackage, STUDENT_PACKAGE_NAME, type PackageJson, type PackageLock } from "./package.ts";
import { PLAYGROUND_SCREENSHOT, studentReadme } from "./readme.ts";
import { ReleaseFormatter } from "./format-store.ts";
import { CHECK_WORKFLOW } from "./workflow.ts";

export interface ReleaseOptions {
  out: string;
  key: Buffer;
  /** Replace `out` when it holds an earlier release. */
  force?: boolean;
}

export interface ReleaseReport {
  /** Paths relative to `out`. */
  files: string[];
  hidden: Record<string, HiddenCount>;
}

const STUDENT_TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "bundler",
    allowImportingTsExtensions: true,
    noEmit: true,
    strict: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    lib: ["ES2023"],
    types: [],
  },
  // The editor checks the student's own files; the grader is run, not edited.
  include: ["exercises"],
};

const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";
const read = (rel: string) => readFileSync(path.join(paths.root, rel));

async function prepareOut(out: string, force: boolean): Promise<void> {
  const root = paths.root;
  if (out === root || root.startsWith(out + path.sep))
    throw new ReleaseError(`${out} would overwrite the course's repository`);
  const entries = existsSync(out) ? await readdir(out) : [];
  if (entries.length === 0) return;
  const pkg = path.join(out, "package.json");
  const earlier =
    existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as PackageJson).name === STUDENT_PACKAGE_NAME;
  if (!force || !earlier) {
    throw new ReleaseError(
      `${out} is not empty${earlier ? "; pass --force to replace the earlier release in it" : "; choose an empty or new folder"}`,
    );
  }
  await rm(out, { recursive: true, force: true });
}

async function collect(
  key: Buffer,
): Promise<{ files: Map<string, string | Buffer>; hidden: Record<string, HiddenCount> }> {
  const manifest = loadManifest();
  const coursePkg = JSON.parse(read("package.json").toString()) as PackageJson;
  const files = new Map<string, string | Buffer>();

  for (const rel of (await readdir(paths.exercises, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && !e.name.startsWith("."))
    .map((e) => path.relative(paths.root, path.join(e.parentPath, e.name)))) {
    files.set(rel, read(rel));
  }
  for (const rel of await graderClosure(paths.root, coursePkg.dependencies ?? {})) {
    if (rel.startsWith("grader/")) files.set(rel, read(rel));
  }

  const cases = loadCases(manifest, { visibility: ["public", "hidden"] });
  const hiddenTexts: Record<string, string> = {};
  const hidden: Record<string, HiddenCount> = {};
  for (const e of manifest.exercises) {
    files.set(`fixtures/${e.id}/public.json`, read(`fixtures/${e.id}/public.json`));
    hiddenTexts[e.id] = readFileSync(fixtureFile(paths.fixtures, e.id, "hidden"), "utf8");
    const own = cases.filter((c) => c.exercise === e.id && c.visibility === "hidden");
    hidden[e.id] = { cases: own.length, points: own.reduce((s, c) => s + c.points, 0) };
  }
  // The same time limits as the course grades under; the hidden cases' own figures stay out (their ids
  // describe them), and a hidden case takes its exercise's largest figure instead.
  const timing = loadTiming(paths.fixtures);
  if (timing) {
    const publicKeys = new Set(cases.filter((c) => c.visibility === "public").map((c) => c.key));
    files.set(`fixtures/${TIMING_FILE}`, json(publicTiming(timing, publicKeys)));
  }
  const { publicTable, hiddenOutputs } = await precomputeDiagnoses(cases);
  files.set(`fixtures/${TABLE_FILE_NAME}`, json(publicTable));
  files.set(`fixtures/${SEALED_FILE_NAME}`, json(seal({ hidden: hiddenTexts, diagnoses: hiddenOutputs }, hidden, key)));

  const pkg = studentPackage(coursePkg);
  files.set("package.json", json(pkg));
  files.set(
    "package-lock.json",
    json(studentLock(JSON.parse(read("package-lock.json").toString()) as PackageLock, pkg)),
  );
  files.set("README.md", studentReadme(manifest, hidden));
  files.set(PLAYGROUND_SCREENSHOT, read(PLAYGROUND_SCREENSHOT));
  files.set(".github/workflows/check.yml", CHECK_WORKFLOW);
  files.set("tsconfig.json", json(STUDENT_TSCONFIG));
  files.set(".prettierrc.json", read(".prettierrc.json"));
  files.set(".prettierignore", "node_modules\npackage-lock.json\ncheck-results\n");
  files.set(".gitignore", "node_modules/\ncheck-results/\n");

  for (const rel of files.keys()) {
    const rule = courseOnly(rel);
    if (rule) throw new ReleaseError(`${rel} must not be released: ${rule.why}`);
  }
  return { files, hidden };
}

const FORMATTED = /\.(ts|json|md|ya?ml)$/;

export async function buildRelease(options: ReleaseOptions): Promise<ReleaseReport> {
  const out = path.resolve(options.out);
  const { files, hidden } = await collect(options.key);
  const config = (await prettier.resolveConfig(path.join(paths.root, "package.json"))) ?? {};
  const formatter = new ReleaseFormatter(config);
  await prepareOut(out, options.force ?? false);
  for (const [rel, contents] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const file = path.join(out, rel);
    await mkdir(path.dirname(file), { recursive: true });
    const formatted =
      FORMATTED.test(rel) && rel !== "package-lock.json"
        ? await formatter.format(contents.toString(), rel, file)
        : contents;
    await writeFile(file, formatted);
  }
  return { files: [...files.keys()].sort(), hidden };
}
