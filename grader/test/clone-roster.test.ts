/**
 * The grade-class workflow's clone step, on local repositories: each roster
 * row's repository lands in <out>/<submission>/ without its .git, --before
 * takes the last commit before a deadline, and a repository that cannot be
 * cloned leaves an empty folder and a line in clone-log.csv.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloneRoster, rosterRepos } from "../batch/clone-roster.ts";
import { sh } from "./release-helpers.ts";

let tmp: string;

async function repo(name: string, commits: { date: string; text: string }[]): Promise<void> {
  const dir = path.join(tmp, "work", name);
  await mkdir(path.join(dir, "exercises"), { recursive: true });
  await sh("git", ["init", "--quiet", "--initial-branch=main"], dir);
  for (const c of commits) {
    await writeFile(path.join(dir, "exercises", "work.ts"), c.text);
    await sh("git", ["add", "."], dir);
    const who = { GIT_AUTHOR_NAME: "s", GIT_AUTHOR_EMAIL: "s@x", GIT_COMMITTER_NAME: "s", GIT_COMMITTER_EMAIL: "s@x" };
    await sh("git", ["commit", "--quiet", "-m", c.text], dir, {
      ...who,
      GIT_AUTHOR_DATE: c.date,
      GIT_COMMITTER_DATE: c.date,
    });
  }
  // Served as GitHub serves them: owner/name → <base>/owner/name.git.
  await sh("git", ["clone", "--bare", "--quiet", dir, path.join(tmp, "remote", `${name}.git`)], tmp);
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "bpk-clone-"));
  await repo("ada", [
    { date: "2025-01-01T10:00:00Z", text: "on time" },
    { date: "2025-01-03T10:00:00Z", text: "late" },
  ]);
  await repo("ben", [{ date: "2025-01-01T09:00:00Z", text: "ben's" }]);
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe("rosterRepos", () => {
  it("reads a repository column, or builds it from a template", () => {
    const roster = "Submission,Student,Repository\nada,Ada,org/ada\nben,Ben,org/ben\n";
    expect(rosterRepos(roster)).toEqual([
      { submission: "ada", repository: "org/ada" },
      { submission: "ben", repository: "org/ben" },
    ]);
    expect(rosterRepos("submission,student\nada,Ada\n", "org/backprop-{submission}")[0].repository).toBe(
      "org/backprop-ada",
    );
  });

  it("needs a repository column or a template", () => {
    expect(() => rosterRepos("submission,student\nada,Ada\n")).toThrow(/--template/);
  });
});

describe("cloneRoster", () => {
  it("clones each repository at the last commit before the deadline, and records failures", async () => {
    const out = path.join(tmp, "submissions");
    const repos = rosterRepos("submission,repository\nada,ada\nben,ben\ncai,cai\n", undefined);
    const log = await cloneRoster(repos, {
      out,
      base: `file://${path.join(tmp, "remote")}`,
      before: "2025-01-02T00:00:00Z",
      jobs: 2,
    });
    expect(log.map((l) => [l[0], l[3].split(":")[0]])).toEqual([
      ["ada", "cloned"],
      ["ben", "cloned"],
      ["cai", "not cloned"],
    ]);
    expect(readFileSync(path.join(out, "ada", "exercises", "work.ts"), "utf8")).toBe("on time");
    expect(existsSync(path.join(out, "ada", ".git"))).toBe(false);
    expect(existsSync(path.join(out, "cai"))).toBe(true);
    expect(readFileSync(path.join(out, "clone-log.csv"), "utf8").split("\n")[0]).toBe(
      "submission,repository,commit,status",
    );
  });
});
