/**
 * The kit's CLIs through their launchers (grader/cli/launch.js, what `npm run grade` and the others run, and
 * check-launch.js, what `npm run check` runs): each starts from a content-addressed bundle built on first use, the
 * bundle holds the live diagnoser's modules (so a mistake is named with no TypeScript loader at all), and the source
 * through tsx stays a way to run them.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paths } from "../paths.ts";
import { currentBundleDir } from "./cli-bundle.ts";

const run = promisify(execFile);
const LAUNCHER = path.join(paths.root, "grader", "cli", "launch.js");
let tmp: string;

/** The folder of the bundles the last start built or found. */
const currentBundles = () => currentBundleDir(paths.root);

/** The files the current bundles were built from, relative to the kit's root. */
async function bundleInputs(): Promise<string[]> {
  return JSON.parse(await readFile(path.join(currentBundles(), "inputs.json"), "utf8")) as string[];
}

function launch(args: string[], env: NodeJS.ProcessEnv = {}) {
  return run(process.execPath, [LAUNCHER, ...args], { cwd: paths.root, env: { ...process.env, ...env } });
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-launch-"));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe("the CLI launcher", () => {
  it.each([
    ["grade", /^Usage: grade /],
    ["gradescope-package", /^Usage: gradescope:package /],
    ["clone-roster", /^Usage: clone-roster /],
    ["similarity", /^Usage: similarity /],
  ])("runs %s from the bundle, with the command's own arguments", async (name, usage) => {
    const { stdout } = await launch([name, "--help"]);
    expect(stdout).toMatch(usage);
    const inputs = await bundleInputs();
    expect(inputs).toContain(`grader/cli/${name}.ts`);
    expect(inputs).toContain("grader/misconceptions/diagnose.ts");
  });

  // Every start parses its whole bundle, so what no command uses must stay out. esbuild heads each module it
  // bundles with a `// <path>` line.
  it.each([
    ["a second KaTeX, the one built for require()", /^\/\/ node_modules\/katex\/dist\/katex\.js$/m],
    ["zod's translations of its messages", /^\/\/ node_modules\/zod\/v4\/locales\/(?!en\.js$|index\.js$)/m],
  ])("leaves %s out of the bundles", async (_what, marker) => {
    await launch(["grade", "--help"]);
    const dir = currentBundles();
    const grade = await readFile(path.join(dir, "grade.mjs"), "utf8");
    expect(grade).toMatch(/^\/\/ node_modules\/katex\/dist\/katex\.mjs$/m);
    expect(grade).toMatch(/^\/\/ node_modules\/zod\/v4\/locales\/en\.js$/m);
    const holding = readdirSync(dir).filter(
      (file) => file.endsWith(".mjs") && marker.test(readFileSync(path.join(dir, file), "utf8")),
    );
    expect(holding).toEqual([]);
  });

  it("runs `npm run check` (check-launch.js) from the same bundles", async () => {
    const { stdout } = await run(
      process.execPath,
      [path.join(paths.root, "grader", "cli", "check-launch.js"), "--help"],
      {
        cwd: paths.root,
      },
    );
    expect(stdout).toMatch(/^Usage: check /);
    expect(readdirSync(currentBundles())).toContain("check.mjs");
    expect(await bundleInputs()).toContain("grader/cli/check.ts");
  });

  it("runs check through tsx when its bundle cannot be kept", async () => {
    // A copy of the kit whose node_modules/.cache is a file, so no bundle can be written under it.
    const kit = path.join(tmp, "unwritable");
    for (const part of ["grader", "exercises", "package.json"])
      await cp(path.join(paths.root, part), path.join(kit, part), { recursive: true });
    await mkdir(path.join(kit, "node_modules"));
    for (const entry of await readdir(path.join(paths.root, "node_modules")))
      if (entry !== ".cache")
        await symlink(path.join(paths.root, "node_modules", entry), path.join(kit, "node_modules", entry));
    await writeFile(path.join(kit, "node_modules", ".cache"), "");
    const { stdout } = await run(process.execPath, [path.join(kit, "grader", "cli", "check-launch.js"), "--help"], {
      cwd: kit,
    });
    expect(stdout).toMatch(/^Usage: check /);
  });

  it("refuses a name that is not one of its CLIs", async () => {
    const failed = await launch(["nope"]).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2, stderr: expect.stringMatching(/^usage: node grader\/cli\/launch.js/) });
  });

  it.each([
    ["the bundle", {}],
    ["the source through tsx", { BACKPROP_CLI_SOURCE: "1" }],
  ])("names a catalogued mistake from %s", async (_how, env) => {
    const out = path.join(tmp, `out-${Object.keys(env).length}`);
    await launch(["grade", path.join(paths.demoClass, "dee-forgets-gprime"), "--out", out], env);
    const result = JSON.parse(await readFile(path.join(out, "dee-forgets-gprime", "results.json"), "utf8")) as {
      cases: { diagnosis?: { id?: string } }[];
    };
    const named = result.cases.flatMap((c) => (c.diagnosis?.id ? [c.diagnosis.id] : []));
    expect(named).toContain("delta-missing-gprime");
  });
});
