/**
 * The reruns under other Nodes (node-versions-22, -24 and -20.test.ts), one file each so that vitest runs them
 * beside the other files instead of one after another in a single file. The tests nearest the sandbox (its walls,
 * the adversarial corpus, the student's check command) run again in a child vitest under each pinned Node from
 * pinned-node.ts, so a Node that rejects a flag or lacks an API fails here, by name, instead of scoring every
 * student 0.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paths } from "../paths.ts";
import { PINNED_NODES, pinnedNode } from "./pinned-node.ts";

/** Set in the child vitest, so that it does not start children of its own. */
export const CHILD = "BACKPROP_KIT_NODE_VERSIONS_CHILD";

const FILES = ["grader/test/sandbox-walls.test.ts", "grader/test/adversarial.test.ts", "grader/test/check-cli.test.ts"];

/** The registry's packages are Linux x64 builds. */
export const canRun = process.platform === "linux" && process.arch === "x64" && !process.env[CHILD];

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

/** Runs FILES under `node` in a child vitest and collects its JSON report. */
async function vitestUnder(node: string, reportFile: string): Promise<ChildRun> {
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

/** The sandbox, adversarial and check tests, again under the pinned Node of this major version. */
export function rerunUnder(major: keyof typeof PINNED_NODES): void {
  const { version } = PINNED_NODES[major];
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), `backprop-kit-node-${major}-`));
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  describe.runIf(canRun)("the sandbox, adversarial and check tests", () => {
    it(`pass under Node ${version}`, async () => {
      const node = await pinnedNode(major);
      const run = await vitestUnder(node, path.join(tmp, "report.json"));
      expect(run.version).toBe(`v${version}`);
      expect(failures(run)).toEqual([]);
      const ran = run.report!.testResults.map((f) => path.relative(paths.root, f.name)).sort();
      expect(ran).toEqual([...FILES].sort());
      expect(run.code).toBe(0);
    }, 900_000);
  });
}
