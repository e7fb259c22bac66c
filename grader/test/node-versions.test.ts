/**
 * The kit grades alike on every supported Node. The permission flag is chosen
 * by what this Node accepts; and the tests nearest the sandbox (its walls, the
 * adversarial corpus, the student's check command) run again in a child vitest
 * under each pinned Node from grader/test/pinned-node.ts, so a Node that
 * rejects a flag or lacks an API fails here, by name, instead of scoring
 * every student 0.
 */
import { execFile, spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paths } from "../paths.ts";
import { NoPermissionModelError, permissionFlag } from "../sandbox/node-flags.ts";
import { OLDEST_NODE, PINNED_NODES, pinnedNode, registryPackage } from "./pinned-node.ts";

/** Set in the child vitest, so that it does not start children of its own. */
const CHILD = "BACKPROP_KIT_NODE_VERSIONS_CHILD";

const FILES = ["grader/test/sandbox-walls.test.ts", "grader/test/adversarial.test.ts", "grader/test/check-cli.test.ts"];

describe("the permission flag", () => {
  it.each([
    { label: "Node 20 (old name only)", known: ["--experimental-permission"], flag: "--experimental-permission" },
    { label: "Node 22.13+ (both names)", known: ["--permission", "--experimental-permission"], flag: "--permission" },
    { label: "Node 24 (new name only)", known: ["--permission"], flag: "--permission" },
  ])("is $flag on $label", ({ known, flag }) => {
    expect(permissionFlag(new Set(known), "vX")).toBe(flag);
  });

  it("is a clear error on a Node without a permission model", () => {
    expect(() => permissionFlag(new Set(["--max-old-space-size"]), "v18.20.0")).toThrow(NoPermissionModelError);
    expect(() => permissionFlag(new Set(), "v18.20.0")).toThrow(/Node v18\.20\.0 has no permission model/);
  });

  it("is one this Node accepts", () => {
    expect(process.allowedNodeEnvironmentFlags.has(permissionFlag())).toBe(true);
  });
});

interface JsonReport {
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
  }[];
}

interface ChildRun {
  code: number | null;
  version: string;
  report?: JsonReport;
  output: string;
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-node-versions-"));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

/** Runs FILES under `node` in a child vitest and collects its JSON report. */
async function vitestUnder(node: string, major: number): Promise<ChildRun> {
  const reportFile = path.join(tmp, `node-${major}.json`);
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST")),
  );
  env[CHILD] = "1";
  // Whatever the tests start by name (npx, tsx's `#!/usr/bin/env node`) gets this Node too.
  env.PATH = `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ""}`;
  const vitest = path.join(paths.root, "node_modules", "vitest", "vitest.mjs");
  const args = [vitest, "run", ...FILES, "--reporter=json", `--outputFile=${reportFile}`];
  const child = spawn(node, args, { cwd: paths.root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const report = await readFile(reportFile, "utf8")
    .then((text) => JSON.parse(text) as JsonReport)
    .catch(() => undefined);
  const version = await new Promise<string>((resolve) => {
    const probe = spawn(node, ["--version"]);
    let out = "";
    probe.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
    probe.on("close", () => resolve(out.trim()));
  });
  return { code, version, report, output };
}

/** What failed, one line per test, readable in an assertion diff. */
function failures(run: ChildRun): string[] {
  if (!run.report) return [`no report (exit ${run.code}); its output ends:\n${run.output.slice(-4000)}`];
  return run.report.testResults.flatMap((file) => {
    const rel = path.relative(paths.root, file.name);
    const failed = file.assertionResults
      .filter((t) => t.status === "failed")
      .map((t) => `${rel} › ${t.fullName}: ${(t.failureMessages[0] ?? "").split("\n").slice(0, 6).join("\n")}`);
    if (failed.length === 0 && file.status === "failed") failed.push(`${rel}: ${file.message ?? "failed"}`);
    return failed;
  });
}

const pinned = Object.entries(PINNED_NODES).map(([major, pkg]) => ({ major: Number(major), version: pkg.version }));
// The registry's packages are Linux x64 builds.
const canRun = process.platform === "linux" && process.arch === "x64" && !process.env[CHILD];

describe.runIf(canRun)("the sandbox, adversarial and check tests", () => {
  it.each(pinned)(
    "pass under Node $version",
    async ({ major, version }) => {
      const node = await pinnedNode(major as keyof typeof PINNED_NODES);
      const run = await vitestUnder(node, major);
      expect(run.version).toBe(`v${version}`);
      expect(failures(run)).toEqual([]);
      const ran = run.report!.testResults.map((f) => path.relative(paths.root, f.name)).sort();
      expect(ran).toEqual([...FILES].sort());
      expect(run.code).toBe(0);
    },
    900_000,
  );
});

/**
 * vitest 4 itself needs Node 20.19, so on the oldest supported Node the
 * student's and the TA's commands are run directly instead.
 */
describe.runIf(canRun)(`the oldest supported Node, ${OLDEST_NODE.version}`, () => {
  const run = promisify(execFile);
  let node: string;
  beforeAll(async () => {
    node = path.join(await registryPackage(OLDEST_NODE), "bin", "node");
  });
  const env = () => ({
    ...process.env,
    NO_COLOR: "1",
    PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}`,
  });

  it("is the one package.json's engines names", async () => {
    const pkg = JSON.parse(await readFile(path.join(paths.root, "package.json"), "utf8")) as {
      engines: { node: string };
    };
    expect(`${pkg.engines.node}.0`).toBe(`>=${OLDEST_NODE.version}`);
    expect((await run(node, ["--version"])).stdout.trim()).toBe(`v${OLDEST_NODE.version}`);
  });

  it("runs check on the reference solutions to full marks", async () => {
    const args = ["--import", "tsx", "grader/cli/check.ts", "--dir", paths.solutions, "--json"];
    const { stdout } = await run(node, args, { cwd: paths.root, env: env() });
    const result = JSON.parse(stdout) as { exercises: { id: string; score: number; max_score: number }[] };
    expect(result.exercises.length).toBeGreaterThan(0);
    // Every exercise full; the total may exceed max_score, since bonus points are extra credit.
    for (const e of result.exercises) expect(e.score, e.id).toBe(e.max_score);
  });

  it("runs grade on a submission of the reference solutions to full marks, with its reports", async () => {
    const submission = path.join(tmp, "oldest-class", "ref");
    await mkdir(submission, { recursive: true });
    await cp(paths.solutions, path.join(submission, "exercises"), { recursive: true });
    const out = path.join(tmp, "oldest-out");
    const args = ["--import", "tsx", "grader/cli/grade.ts", path.dirname(submission), "--out", out];
    await run(node, args, { cwd: paths.root, env: env() });
    const [header, row] = (await readFile(path.join(out, "gradebook.csv"), "utf8")).trim().split("\n");
    const cells = Object.fromEntries(header.split(",").map((name, i) => [name, row.split(",")[i]]));
    expect(cells).toMatchObject({ submission: "ref", grading_status: "graded" });
    expect(Number(cells.score)).toBeGreaterThanOrEqual(Number(cells.max_score));
    const result = JSON.parse(await readFile(path.join(out, "ref", "results.json"), "utf8")) as {
      cases: { key: string; status: string }[];
    };
    expect(result.cases.filter((c) => c.status !== "pass").map((c) => c.key)).toEqual([]);
    expect(await readFile(path.join(out, "ref", "feedback.html"), "utf8")).toContain("</html>");
  });
});
