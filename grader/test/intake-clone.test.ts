/**
 * GH_TOKEN goes to the GitHub host being cloned from and nowhere else, and a
 * roster cell cannot move a clone to another owner, host or protocol (issue
 * 21.4). git is replaced by a fake on PATH that records every call (its
 * arguments and environment) and asks the real git which password it would
 * send to the host it clones from, and to hosts a redirect or an LFS
 * endpoint could name.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { rosterRepos } from "../batch/clone-roster.ts";
import { gitEnv } from "../batch/git-auth.ts";
import { repoTarget } from "../batch/repo-name.ts";
import { paths } from "../paths.ts";
import { acceptedRepositories, foreignHosts, refusedRepositories, refusedTemplateCells } from "./corpus-intake.ts";
import { sh } from "./release-helpers.ts";
import { cliArgs } from "./cli-bundle.ts";

const TOKEN = "ghp_testtoken0123456789";
const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
const tmp = mkdtempSync(path.join(os.tmpdir(), "bpk-intake-clone-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** What the real git's credential machinery would answer for a host, in the environment given. */
function password(env: NodeJS.ProcessEnv, protocol: string, host: string): string | undefined {
  const r = spawnSync(realGit, ["credential", "fill"], {
    input: `protocol=${protocol}\nhost=${host}\n\n`,
    env: { ...env, HOME: tmp, XDG_CONFIG_HOME: tmp },
    encoding: "utf8",
  });
  return /^password=(.*)$/m.exec(r.stdout)?.[1];
}

describe("repoTarget", () => {
  it.each(refusedRepositories)("refuses $cell ($tries)", ({ cell }) => {
    const target = repoTarget(cell, "https://github.com");
    expect(target).toHaveProperty("problem");
    expect((target as { problem: string }).problem).not.toContain("\n");
  });

  it.each(acceptedRepositories)("clones $cell from $url", ({ cell, url, host }) => {
    expect(repoTarget(cell, "https://github.com")).toMatchObject({ url, host });
  });
});

describe("rosterRepos with --template", () => {
  it.each(refusedTemplateCells.map((cell) => ({ cell })))("refuses the cell $cell, naming the line", ({ cell }) => {
    const q = `"${cell.replaceAll('"', '""')}"`;
    const roster = `submission,github,student\nada,ada,Ada\n${q},${q},Someone\n`;
    for (const template of ["org/backprop-{submission}", "{github}/backprop"]) {
      const [ada, row] = rosterRepos(roster, template, "roster.csv");
      expect(ada.problem).toBeUndefined();
      expect(row.problem).toMatch(/^roster\.csv line 3: /);
      expect(row.problem).not.toContain("\n");
    }
  });

  it("never clones two rows into one folder", () => {
    const [, second] = rosterRepos("submission\nada\nAda\n", "org/{submission}", "r.csv");
    expect(second).toMatchObject({ sharesFolder: true });
    expect(second.problem).toMatch(/^r\.csv line 3: .*line 2/);
  });

  it("says at once when the template names a column the roster lacks", () => {
    expect(() => rosterRepos("submission\nada\n", "org/{github}")).toThrow(/no github column/);
  });
});

describe("gitEnv", () => {
  it("gives the GitHub host the token through a helper, and nothing in arguments or headers", () => {
    const env = gitEnv("github.com", TOKEN, "github.com");
    expect(password(env, "https", "github.com")).toBe(TOKEN);
    const config = Object.entries(env).filter(([k]) => k.startsWith("GIT_CONFIG_"));
    expect(config.map(([, v]) => v).join("\n")).not.toContain(TOKEN);
    expect(config.map(([, v]) => v).join("\n")).not.toMatch(/extraheader|authorization/i);
  });

  it.each(foreignHosts)(
    "never answers $protocol://$host, though the clone is from github.com",
    ({ protocol, host }) => {
      expect(password(gitEnv("github.com", TOKEN, "github.com"), protocol, host)).toBeUndefined();
    },
  );

  it.each(["evil.example", "github.com.evil.example", "", "ghe.example"])(
    "gives git no token at all for a clone from %j",
    (host) => {
      const env = gitEnv(host, TOKEN, "github.com");
      expect(Object.values(env).join("\n")).not.toContain(TOKEN);
      expect(password(env, "https", "github.com")).toBeUndefined();
    },
  );

  it("sends an Enterprise host its token, and github.com none", () => {
    const env = gitEnv("ghe.example", TOKEN, "ghe.example");
    expect(password(env, "https", "ghe.example")).toBe(TOKEN);
    expect(password(env, "https", "github.com")).toBeUndefined();
  });

  it("keeps GH_TOKEN and the TA's own git config variables out of git's environment", () => {
    const saved = { ...process.env };
    Object.assign(process.env, { GH_TOKEN: TOKEN, GITHUB_TOKEN: TOKEN, GIT_CONFIG_COUNT: "1" });
    try {
      const env = gitEnv("evil.example", TOKEN, "github.com");
      expect(env.GH_TOKEN).toBeUndefined();
      expect(env.GITHUB_TOKEN).toBeUndefined();
      expect(env.GIT_CONFIG_COUNT).toBeUndefined();
    } finally {
      for (const k of ["GH_TOKEN", "GITHUB_TOKEN", "GIT_CONFIG_COUNT"]) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });
});

/** A git that records its arguments, its environment and the real git's credential answers, and fakes a clone. */
function fakeGit(dir: string, log: string): string {
  const bin = path.join(dir, "bin");
  execFileSync("mkdir", ["-p", bin]);
  const script = `#!${process.execPath}
const fs = require("node:fs"), path = require("node:path"), { spawnSync } = require("node:child_process");
const args = process.argv.slice(2);
const ask = (protocol, host) => /^password=(.*)$/m.exec(spawnSync(${JSON.stringify(realGit)}, ["credential", "fill"],
  { input: "protocol=" + protocol + "\\nhost=" + host + "\\n\\n", env: { ...process.env, HOME: ${JSON.stringify(dir)} }, encoding: "utf8" }).stdout)?.[1] ?? null;
const entry = { args, env: process.env, answers: {} };
if (args.includes("clone")) {
  const url = new URL(args[args.length - 2]);
  for (const h of [url.host, "evil.example", "github.com"]) entry.answers[url.protocol.slice(0, -1) + "://" + h] = ask(url.protocol.slice(0, -1), h);
  const target = args[args.length - 1];
  fs.mkdirSync(path.join(target, "exercises"), { recursive: true });
  fs.mkdirSync(path.join(target, ".git"), { recursive: true });
  fs.writeFileSync(path.join(target, "exercises", "work.ts"), "// cloned");
}
fs.appendFileSync(process.env.FAKE_GIT_LOG, JSON.stringify(entry) + "\\n");
if (args.includes("log")) process.stdout.write("${"a".repeat(40)} 2025-01-01T00:00:00Z\\n");
if (args.includes("symbolic-ref")) process.stdout.write("main\\n");
`;
  writeFileSync(path.join(bin, "git"), script);
  chmodSync(path.join(bin, "git"), 0o755);
  return bin;
}

describe("npm run clone-roster with a fake git", () => {
  const dir = path.join(tmp, "cli");
  const log = path.join(tmp, "git-log.jsonl");
  const bin = fakeGit(dir, log);
  const run = (roster: string, ...args: string[]) => {
    writeFileSync(path.join(dir, "roster.csv"), roster);
    rmSync(log, { force: true });
    return sh(process.execPath, cliArgs("clone-roster", [path.join(dir, "roster.csv"), ...args]), paths.root, {
      GH_TOKEN: TOKEN,
      PATH: `${bin}:${process.env.PATH}`,
      FAKE_GIT_LOG: log,
      GH_HOST: "",
    });
  };
  const calls = () =>
    readFileSync(log, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { args: string[]; env: Record<string, string>; answers: Record<string, string> });

  it("sends the token only to github.com, and refuses rows that step elsewhere, naming their line", async () => {
    const roster = [
      "submission,repository",
      "ada,org/ada",
      "ben,https://evil.example/org/ben",
      "cai,org/../evil/cai",
      "dan,file:///srv/secret",
      "eve,https://github.com/org/eve",
    ].join("\n");
    const out = path.join(dir, "out");
    const r = await run(roster, "--out", out);
    expect(r.stderr).toBe("");
    const clones = calls()
      .filter((c) => c.args.includes("clone"))
      .sort((a, b) => (a.args.at(-1)! < b.args.at(-1)! ? -1 : 1));
    expect(clones.map((c) => c.args.at(-2))).toEqual([
      "https://github.com/org/ada.git",
      "https://evil.example/org/ben.git",
      "https://github.com/org/eve.git",
    ]);
    for (const c of calls()) {
      expect(c.args.join(" ")).not.toContain(TOKEN);
      expect(JSON.stringify(c.env)).not.toMatch(/extraheader/i);
      expect(c.env.GH_TOKEN).toBeUndefined();
    }
    const [ada, ben, eve] = clones;
    expect(ada.answers).toEqual({ "https://github.com": TOKEN, "https://evil.example": null });
    expect(ben.answers).toEqual({ "https://evil.example": null, "https://github.com": null });
    expect(JSON.stringify(ben.env)).not.toContain(TOKEN);
    expect(eve.answers["https://github.com"]).toBe(TOKEN);
    expect(r.stdout).toMatch(/^ {2}cai: not cloned: \S*roster\.csv line 4: "org\/\.\.\/evil\/cai" is not/m);
    expect(r.stdout).toMatch(/^ {2}dan: not cloned: \S*roster\.csv line 5: .*not an https URL/m);
    expect(r.stdout).toContain("Cloned 3/5");
    expect(existsSync(path.join(out, "cai"))).toBe(true);
  });

  it("with --template, a ../ in a cell moves no clone to another owner", async () => {
    const roster = 'submission\nada\n"../../evil/x"\n"x/../../../evil/y"\n';
    const r = await run(roster, "--out", path.join(dir, "tpl"), "--template", "org/backprop-{submission}");
    const urls = calls()
      .filter((c) => c.args.includes("clone"))
      .map((c) => c.args.at(-2));
    expect(urls).toEqual(["https://github.com/org/backprop-ada.git"]);
    expect(r.stdout).toMatch(/not cloned: \S*roster\.csv line 3: the submission column holds "\.\.\/\.\.\/evil\/x"/);
    expect(r.stdout).toMatch(/not cloned: \S*roster\.csv line 4: /);
  });

  it("sends an Enterprise host's token there with --github-host, and not to github.com", async () => {
    const roster = "submission,repository\nada,org/ada\nben,https://github.com/org/ben\n";
    const r = await run(roster, "--out", path.join(dir, "ghe"), "--github-host", "ghe.example");
    expect(r.code).toBe(0);
    const [ada, ben] = calls()
      .filter((c) => c.args.includes("clone"))
      .sort((a, b) => (a.args.at(-1)! < b.args.at(-1)! ? -1 : 1));
    expect(ada.args.at(-2)).toBe("https://ghe.example/org/ada.git");
    expect(ada.answers["https://ghe.example"]).toBe(TOKEN);
    expect(ben.answers["https://github.com"]).toBeNull();
  });

  it("refuses push times for a repository on another host than the token's", async () => {
    const roster = "submission,repository\nben,https://evil.example/org/ben\n";
    const r = await run(roster, "--out", path.join(dir, "push"), "--before", "2025-01-02T00:00:00Z");
    expect(r.stdout).toMatch(/ben: not cloned: push times come from github\.com's API/);
    expect(existsSync(log)).toBe(false);
  });
});
