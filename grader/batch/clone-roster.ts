/**
 * Clones each student's repository into <dir>/<submission>/, ready for `npm run grade -- <dir>`.
 * Used by .github/workflows/grade-class.yml.
 *
 * The roster is the grade command's (grader/reports/roster.ts): a CSV with a
 * `submission` column, plus a `repository` column (owner/name), or a
 * --template such as "my-org/backprop-{submission}" built from any columns.
 * GH_TOKEN, when set, authenticates https clones (it is passed to git in its
 * environment, never on the command line, and no .git folder is kept).
 * With --before, the last commit before that time is taken (a deadline).
 * A repository that cannot be cloned gets an empty folder, so the gradebook
 * lists its student (as refused) instead of leaving them out; clone-log.csv
 * records each repository's commit or error.
 */
import { execFile } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { UsageError } from "../errors.ts";
import { parseCsv } from "../reports/roster.ts";
import { safeId } from "../submission/source.ts";
import { writeAtomic } from "./atomic.ts";
import { csv } from "./gradebook.ts";

const run = promisify(execFile);
const norm = (s: string) => s.toLowerCase().replace(/[\s_]+/g, "");

export interface RosterRepo {
  submission: string;
  repository: string;
}

/** The roster's rows as submission → repository (owner/name or a URL). */
export function rosterRepos(source: string, template?: string): RosterRepo[] {
  const [header, ...rows] = parseCsv(source);
  const columns = (header?.cells ?? []).map(norm);
  const at = (row: string[], name: string) => row[columns.indexOf(norm(name))]?.trim() ?? "";
  if (!columns.includes("submission")) throw new UsageError("the roster has no submission column");
  if (!template && !columns.includes("repository"))
    throw new UsageError("the roster has no repository column; give --template, e.g. my-org/backprop-{submission}");
  return rows
    .filter((r) => r.cells.some((c) => c.trim() !== ""))
    .map((r) => ({
      submission: safeId(at(r.cells, "submission")),
      repository: template
        ? template.replace(/\{([^}]+)\}/g, (_m, name: string) => at(r.cells, name))
        : at(r.cells, "repository"),
    }));
}

function cloneUrl(repository: string, base: string): string {
  return /^[a-z]+:\/\//i.test(repository) ? repository : `${base.replace(/\/$/, "")}/${repository}.git`;
}

async function cloneOne(repo: RosterRepo, out: string, base: string, before?: string): Promise<string[]> {
  const dir = path.join(out, repo.submission);
  const url = cloneUrl(repo.repository, base);
  const token = process.env.GH_TOKEN;
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: "0" };
  if (token && url.startsWith("https://")) {
    const basic = Buffer.from(`x-access-token:${token}`).toString("base64");
    Object.assign(env, { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "http.extraHeader" });
    env.GIT_CONFIG_VALUE_0 = `Authorization: Basic ${basic}`;
  }
  await rm(dir, { recursive: true, force: true });
  try {
    // A deadline needs the history; otherwise the last commit is enough.
    const depth = before ? ["--filter=blob:none"] : ["--depth", "1"];
    await run("git", ["clone", "--quiet", ...depth, url, dir], { env });
    if (before) {
      const { stdout } = await run("git", ["-C", dir, "rev-list", "-1", `--before=${before}`, "HEAD"], { env });
      if (!stdout.trim()) throw new Error(`no commit before ${before}`);
      await run("git", ["-C", dir, "checkout", "--quiet", stdout.trim()], { env });
    }
    const { stdout } = await run("git", ["-C", dir, "rev-parse", "HEAD"], { env });
    await rm(path.join(dir, ".git"), { recursive: true, force: true });
    return [repo.submission, repo.repository, stdout.trim(), "cloned"];
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const why = ((error as { stderr?: string }).stderr || (error as Error).message).trim().split("\n").pop() ?? "";
    return [repo.submission, repo.repository, "", `not cloned: ${why.replaceAll(token ?? "\u0000", "***")}`];
  }
}

export async function cloneRoster(
  repos: RosterRepo[],
  options: { out: string; base: string; before?: string; jobs: number },
): Promise<string[][]> {
  await mkdir(options.out, { recursive: true });
  const log: string[][] = [];
  let next = 0;
  const worker = async () => {
    while (next < repos.length) log.push(await cloneOne(repos[next++], options.out, options.base, options.before));
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, repos.length)) }, worker));
  log.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  await writeAtomic(
    path.join(options.out, "clone-log.csv"),
    csv([["submission", "repository", "commit", "status"], ...log]),
  );
  return log;
}
