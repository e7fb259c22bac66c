/**
 * The oldest supported Node: the student's and the TA's commands, run directly
 * (node-versions-helpers.ts has the reruns under Node 22 and 24).
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paths } from "../paths.ts";
import { canRun } from "./node-versions-helpers.ts";
import { OLDEST_NODE, registryPackage } from "./pinned-node.ts";

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-node-20-"));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

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
