/**
 * The grade-class workflow's clone step, through the real CLI, on local
 * repositories: each roster row's repository lands in <out>/<submission>/
 * without its .git; --before takes the last commit before a deadline, by
 * GitHub's recorded push time (an API answer recorded in GitHub's format,
 * served on 127.0.0.1) or by the commit's own date, which a student can set;
 * a repository that cannot be cloned leaves an empty folder and one clear line.
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explainGitError, rosterRepos } from "../batch/clone-roster.ts";
import { ownerAndName } from "../batch/push-time.ts";
import { paths } from "../paths.ts";
import { sh } from "./release-helpers.ts";
import { cliArgs } from "./cli-bundle.ts";

let tmp: string;
let server: Server;
let api: string;
const requests: { url: string; auth: string | undefined }[] = [];
const shas: Record<string, string> = {};

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
    shas[`${name}:${c.text}`] = (await sh("git", ["rev-parse", "HEAD"], dir)).stdout.trim();
  }
  // Served as GitHub serves them: owner/name → <base>/owner/name.git.
  await sh("git", ["clone", "--bare", "--quiet", dir, path.join(tmp, "remote", "org", `${name}.git`)], tmp);
}

/** One activity as GitHub's GET /repos/{owner}/{repo}/activity returns it. */
function activity(id: number, after: string, ref: string, timestamp: string, type = "push") {
  return {
    id,
    node_id: `RA_${id}`,
    before: "0000000000000000000000000000000000000000",
    after,
    ref,
    timestamp,
    activity_type: type,
    actor: { login: "student", id: 1, type: "User", site_admin: false },
  };
}

/** The recorded answer for org/ada, newest first, over two pages as GitHub pages it. */
function serve(url: URL): { status: number; body: unknown; link?: string } {
  if (url.pathname !== "/repos/org/ada/activity") return { status: 404, body: { message: "Not Found" } };
  if (url.searchParams.get("page") !== "2")
    return {
      status: 200,
      // The backdated commit, pushed after the deadline.
      body: [activity(3, shas["ada:late but backdated"], "refs/heads/main", "2025-01-03T09:00:00Z")],
      link: `<${api}/repos/org/ada/activity?page=2&per_page=100>; rel="next", <${api}/repos/org/ada/activity?page=2&per_page=100>; rel="last"`,
    };
  return {
    status: 200,
    body: [
      activity(2, "1111111111111111111111111111111111111111", "refs/heads/draft", "2025-01-01T12:00:00Z"),
      activity(1, shas["ada:on time"], "refs/heads/main", "2025-01-01T10:05:00Z"),
    ],
  };
}

const cloneRosterCli = (...args: string[]) =>
  sh(process.execPath, cliArgs("clone-roster", args), paths.root, {
    GH_TOKEN: "test-token",
  });

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "bpk-clone-"));
  await repo("ada", [
    { date: "2025-01-01T10:00:00Z", text: "on time" },
    // Committed on the 3rd with GIT_COMMITTER_DATE set to before the deadline.
    { date: "2025-01-01T11:00:00Z", text: "late but backdated" },
  ]);
  await repo("ben", [{ date: "2025-01-01T09:00:00Z", text: "ben's" }]);
  await writeFile(path.join(tmp, "roster.csv"), "submission,student\nada,Ada\nben,Ben\ncai,Cai\n");
  server = createServer((req, res) => {
    requests.push({ url: req.url ?? "", auth: req.headers.authorization });
    const answer = serve(new URL(req.url ?? "/", api));
    res.writeHead(answer.status, {
      "content-type": "application/json",
      ...(answer.link ? { link: answer.link } : {}),
    });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(tmp, { recursive: true, force: true });
});

describe("rosterRepos", () => {
  it("reads a repository column, or builds it from a template", () => {
    const roster = "Submission,Student,Repository\nada,Ada,org/ada\nben,Ben,org/ben\n";
    expect(rosterRepos(roster)).toEqual([
      { submission: "ada", repository: "org/ada", line: 2 },
      { submission: "ben", repository: "org/ben", line: 3 },
    ]);
    expect(rosterRepos("submission,student\nada,Ada\n", "org/backprop-{submission}")[0].repository).toBe(
      "org/backprop-ada",
    );
  });

  it("needs a repository column or a template", () => {
    expect(() => rosterRepos("submission,student\nada,Ada\n")).toThrow(/--template/);
  });
});

describe("ownerAndName", () => {
  it.each([
    { repository: "org/ada", name: "org/ada" },
    { repository: "https://github.com/org/ada.git", name: "org/ada" },
    { repository: "https://github.com/org/ada", name: "org/ada" },
    { repository: "org/backprop.v2", name: "org/backprop.v2" },
    { repository: "git@github.com:org/ada.git", name: undefined },
    { repository: "file:///srv/git/org/ada.git", name: undefined },
  ])("reads $repository as $name", ({ repository, name }) => {
    expect(ownerAndName(repository)).toBe(name);
  });
});

describe("explainGitError", () => {
  it.each([
    {
      git: "remote: Repository not found.\nfatal: repository 'https://github.com/org/x/' not found",
      says: "org/x was not found",
    },
    {
      git: "ERROR: Repository not found.\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.",
      says: "org/x was not found",
    },
    {
      git: "fatal: could not read Username for 'https://github.com': terminal prompts disabled",
      says: "authentication failed",
    },
    { git: "fatal: unable to access 'https://x/': Could not resolve host: x", says: "cannot reach the host" },
    { git: "warning: something\nfatal: bad object HEAD", says: "bad object HEAD" },
  ])("says $says in one line", ({ git, says }) => {
    const line = explainGitError(git, "org/x");
    expect(line).toContain(says);
    expect(line).not.toContain("\n");
    expect(line).not.toMatch(/^and the repository exists/);
  });
});

describe("npm run clone-roster", () => {
  const base = () => `file://${path.join(tmp, "remote")}`;

  it("by push time, takes what GitHub received before the deadline, whatever the commit's date says", async () => {
    const out = path.join(tmp, "by-push");
    const r = await cloneRosterCli(
      ...[path.join(tmp, "roster.csv"), "--out", out, "--template", "org/{submission}", "--base-url", base()],
      ...["--before", "2025-01-02T00:00:00Z", "--by", "push", "--api-url", api],
    );
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(out, "ada", "exercises", "work.ts"), "utf8")).toBe("on time");
    expect(existsSync(path.join(out, "ada", ".git"))).toBe(false);
    const log = readFileSync(path.join(out, "clone-log.csv"), "utf8").trim().split("\n");
    expect(log[0]).toBe("submission,repository,commit,status,pushed_at");
    expect(log[1]).toBe(`ada,org/ada,${shas["ada:on time"]},cloned,2025-01-01T10:05:00Z`);
    // ben's activity is not in the recorded answer: GitHub's 404 is named, and he is not graded on a guess.
    expect(r.stdout).toMatch(/^ {2}ben: not cloned: the API answered 404 .*GH_TOKEN/m);
    expect(requests.some((q) => q.url.includes("page=2") && q.auth === "Bearer test-token")).toBe(true);
    expect(requests.find((q) => q.url.startsWith("/repos/org/ada/activity?"))?.url).toContain(
      "ref=refs%2Fheads%2Fmain",
    );
  });

  it("by commit date, takes the backdated commit: the reason push time is the default", async () => {
    const out = path.join(tmp, "by-commit");
    const r = await cloneRosterCli(
      ...[path.join(tmp, "roster.csv"), "--out", out, "--template", "org/{submission}", "--base-url", base()],
      ...["--before", "2025-01-02T00:00:00Z", "--by", "commit"],
    );
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(out, "ada", "exercises", "work.ts"), "utf8")).toBe("late but backdated");
    expect(readFileSync(path.join(out, "ben", "exercises", "work.ts"), "utf8")).toBe("ben's");
    expect(readFileSync(path.join(out, "clone-log.csv"), "utf8").split("\n")[0]).toBe(
      "submission,repository,commit,status,committed_at",
    );
  });

  it("says in one line why a repository was not cloned, and leaves it an empty folder", async () => {
    const out = path.join(tmp, "missing");
    const r = await cloneRosterCli(
      ...[path.join(tmp, "roster.csv"), "--out", out, "--template", "org/{submission}", "--base-url", base()],
    );
    expect(r.stdout).toContain("Cloned 2/3 repositories");
    const line = r.stdout.split("\n").find((l) => l.startsWith("  cai:"));
    expect(line).toMatch(/^ {2}cai: not cloned: org\/cai was not found: check the roster's repository/);
    expect(r.stdout).not.toContain("and the repository exists");
    expect(existsSync(path.join(out, "cai"))).toBe(true);
  });

  it.each([
    {
      label: "--out pointing at a file",
      args: (f: string) => [f, "--out", f, "--template", "org/{submission}"],
      says: "is a file, not a folder",
    },
    {
      label: "a roster that does not exist",
      args: (f: string) => ["/no/such/roster.csv", "--out", path.join(path.dirname(f), "x")],
      says: "cannot read",
    },
    {
      label: "a deadline that is not a time",
      args: (f: string) => [f, "--out", path.join(path.dirname(f), "x"), "--before", "friday"],
      says: "ISO 8601",
    },
    {
      label: "an unknown --by",
      args: (f: string) => [f, "--out", path.join(path.dirname(f), "x"), "--by", "author"],
      says: "push, commit",
    },
  ])("ends on $label with one clear line and a non-zero status", async ({ args, says }) => {
    const r = await cloneRosterCli(...args(path.join(tmp, "roster.csv")));
    expect(r.code).toBeGreaterThan(0);
    expect(r.stderr).toContain(says);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
