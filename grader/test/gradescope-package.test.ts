/**
 * The Gradescope autograder zip, run as Gradescope would: unpacked into a
 * temporary folder laid out like /autograder (source/, submission/,
 * results/), with run_autograder pointed at it through AUTOGRADER_ROOT. The
 * kit's packages are linked in rather than installed, to keep this fast.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { GradescopeResultsSchema, type GradescopeResults } from "../reports/gradescope-schema.ts";
import { linkNodeModules, unzip } from "./gradescope-helpers.ts";
import { cliArgs } from "./cli-bundle.ts";

const run = promisify(execFile);
let tmp: string;
let zipFile: string;
let modes = new Map<string, number>();

/** Lays out /autograder for one submission (a folder copied into submission/), runs it, returns results.json. */
async function autograde(name: string, submission: string, into = "exercises"): Promise<GradescopeResults> {
  const root = path.join(tmp, name);
  await mkdir(path.join(root, "results"), { recursive: true });
  modes = await unzip(zipFile, path.join(root, "source"));
  await linkNodeModules(path.join(root, "source"));
  await cp(submission, path.join(root, "submission", into), { recursive: true });
  await run("bash", [path.join(root, "source", "run_autograder")], {
    env: { ...process.env, AUTOGRADER_ROOT: root },
    cwd: root,
  });
  return GradescopeResultsSchema.parse(JSON.parse(await readFile(path.join(root, "results", "results.json"), "utf8")));
}

let reference: GradescopeResults;
let stubs: GradescopeResults;
let loose: GradescopeResults;
/** What `npm run gradescope:package` printed. */
let packaged: string;

/** Loose exercise files as students upload them: linalg.ts at the top, delta.ts one folder down. */
async function looseSubmission(dir: string): Promise<void> {
  await mkdir(path.join(dir, "hw"), { recursive: true });
  await cp(path.join(paths.solutions, "01-linear-algebra/linalg.ts"), path.join(dir, "linalg.ts"));
  await cp(path.join(paths.solutions, "05-delta/delta.ts"), path.join(dir, "hw", "delta.ts"));
  await writeFile(path.join(dir, "notes.txt"), "my work\n");
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-gradescope-"));
  zipFile = path.join(tmp, "autograder.zip");
  // The zip the tests below open is the one the command wrote: the kit is packed once.
  ({ stdout: packaged } = await run(process.execPath, cliArgs("gradescope-package", ["--out", zipFile]), {
    cwd: paths.root,
  }));
  await looseSubmission(path.join(tmp, "loose-files"));
  [reference, stubs, loose] = await Promise.all([
    autograde("reference", paths.solutions),
    autograde("stubs", paths.exercises),
    autograde("loose", path.join(tmp, "loose-files"), "."),
  ]);
}, 180_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe("the autograder zip", () => {
  it("has setup.sh and run_autograder at its root, executable", () => {
    expect((modes.get("setup.sh") ?? 0) & 0o111).toBeTruthy();
    expect((modes.get("run_autograder") ?? 0) & 0o111).toBeTruthy();
  });

  it("holds the kit with its hidden cases, never the solutions or the mistakes built on them", () => {
    const names = [...modes.keys()];
    expect(names).toContain("package-lock.json");
    expect(names).toContain("exercises/manifest.json");
    expect(names).toContain("fixtures/05-delta/hidden.json");
    expect(names).toContain("fixtures/misconceptions.json");
    expect(names).toContain("grader/cli/run-autograder.ts");
    expect(
      names.filter((n) => /^solutions\/|^grader\/misconceptions\/mistakes\/|^fixtures\/submissions\//.test(n)),
    ).toEqual([]);
  });

  it("pins the Node it installs by version and SHA-256, then installs the kit from its lockfile", async () => {
    const setup = await readFile(path.join(tmp, "reference", "source", "setup.sh"), "utf8");
    expect(setup).toMatch(/^NODE_VERSION="24\.\d+\.\d+"$/m);
    expect(setup).toMatch(/^NODE_SHA256_PINNED="[0-9a-f]{64}"$/m);
    expect(setup).toContain("npm ci --omit=dev");
  });
});

describe("npm run gradescope:package", () => {
  it("says what to give the assignment: the required points, bonus as extra credit, and when hidden cases show", () => {
    const stdout = packaged;
    const manifest = loadManifest();
    const bonus = manifest.exercises.filter((e) => e.bonus).reduce((s, e) => s + e.points, 0);
    const required = manifest.exercises.filter((e) => !e.bonus).reduce((s, e) => s + e.points, 0);
    expect(stdout).toContain(
      `Give the assignment ${required} autograder points: bonus exercises are extra credit, up to ${bonus}`,
    );
    expect(stdout).toContain("Hidden cases are shown to students after the due date");
  });
});

describe("run_autograder", () => {
  it("gives the reference solutions full marks", () => {
    const max = reference.tests!.reduce((s, t) => s + (t.max_score ?? 0), 0);
    expect(max).toBeGreaterThan(0);
    expect(reference.score).toBe(max);
    expect(reference.tests!.filter((t) => t.status !== "passed").map((t) => t.name)).toEqual([]);
  });

  it("gives the stubs 0", () => {
    expect(stubs.score).toBe(0);
    expect(stubs.tests!.every((t) => t.status === "failed")).toBe(true);
  });

  it("grades loose exercise files by their names, as npm run grade does", () => {
    const passed = new Set(loose.tests!.filter((t) => t.status === "passed").map((t) => t.number!.split(".")[0]));
    expect(passed).toEqual(new Set(["1", "5"]));
    const points = new Map(loadManifest().exercises.map((e) => [e.id, e.points]));
    expect(loose.score).toBe(points.get("01-linear-algebra")! + points.get("05-delta")!);
    // The other exercises were not handed in: said plainly, never as a compile error.
    const texts = loose.tests!.map((t) => t.output ?? "").join("\n");
    expect(texts).toMatch(
      /Not submitted: the submission has no linalg\.ts|Not submitted: the submission has no perceptron\.ts/,
    );
    expect(texts).not.toMatch(/compile error|does not compile|the file is missing/);
  });

  it("shows hidden cases after the due date, by default", () => {
    const visibilities = new Set(reference.tests!.map((t) => t.visibility));
    expect(visibilities).toEqual(new Set(["visible", "after_due_date"]));
    expect(reference.output_format).toBe("md");
  });
});
