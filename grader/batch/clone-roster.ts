/**
 * Clones each student's repository into <dir>/<submission>/, ready for `npm run grade -- <dir>`.
 * Used by .github/workflows/grade-class.yml.
 *
 * The roster is the grade command's (grader/reports/roster.ts): a CSV with a
 * `submission` column, plus a `repository` column (owner/name), or a
 * --template such as "my-org/backprop-{submission}" built from any columns.
 * GH_TOKEN, when set, authenticates https clones from the GitHub host alone
 * (github.com, or --github-host / GH_HOST for Enterprise), through a credential
 * helper scoped to that host (git-auth.ts): never on a command line or in a
 * URL, never to another host, and no .git folder is kept. Each row's
 * repository must be plain GitHub names (repo-name.ts); a row that is not
 * gets an empty folder and one line naming its roster line.
 * With --before, the last commit before that time is taken (a deadline):
 * by default by GitHub's record of when each push arrived (push-time.ts),
 * or with --by commit by the commit's own date, which the student sets
 * freely (GIT_COMMITTER_DATE), so only for hosts that record no pushes.
 * A repository that cannot be cloned gets an empty folder, so the gradebook
 * lists its student (as refused) instead of leaving them out; clone-log.csv
 * records each repository's commit or error.
 */
import { execFile } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { UsageError } from "../errors.ts";
import { parseCsv } from "../reports/csv-read.ts";
import { safeId } from "../submission/source.ts";
import { writeAtomic } from "./atomic.ts";
import { csv } from "./gradebook.ts";
import { gitEnv, githubHost } from "./git-auth.ts";
import { commitAtDeadline, DEFAULT_API_URL } from "./push-time.ts";
import { repoTarget, templateCellProblem } from "./repo-name.ts";
import { nameKey, OUT_NAMES } from "./out-names.ts";

const run = promisify(execFile);
const norm = (s: string) => s.toLowerCase().replace(/[\s_]+/g, "");

export interface RosterRepo {
  submission: string;
  repository: string;
  /** The roster line, for messages. */
  line?: number;
  /** Why this row cannot be cloned (its cells are not plain names, or its folder is another row's). */
  problem?: string;
  /** Set when the folder is an earlier row's: this row must not touch it. */
  sharesFolder?: boolean;
}

/** Why a repository is not plain GitHub names, whatever host it is cloned from. */
function nameProblem(repository: string): string | undefined {
  const target = repoTarget(repository, "https://github.com");
  return "problem" in target ? target.problem : undefined;
}

/** The roster's rows as submission → repository (owner/name or a URL), each checked on its own. */
export function rosterRepos(source: string, template?: string, file = "the roster"): RosterRepo[] {
  const [header, ...rows] = parseCsv(source, file);
  const columns = (header?.cells ?? []).map(norm);
  const at = (row: string[], name: string) => row[columns.indexOf(norm(name))]?.trim() ?? "";
  if (!columns.includes("submission")) throw new UsageError("the roster has no submission column");
  if (!template && !columns.includes("repository"))
    throw new UsageError("the roster has no repository column; give --template, e.g. my-org/backprop-{submission}");
  for (const [, name] of template?.matchAll(/\{([^}]+)\}/g) ?? [])
    if (!columns.includes(norm(name)))
      throw new UsageError(`--template names {${name}}, but the roster has no ${name} column`);
  const seen = new Map<string, number>();
  return rows
    .filter((r) => r.cells.some((c) => c.trim() !== ""))
    .map((r) => {
      const submission = safeId(at(r.cells, "submission"));
      const cellProblems: string[] = [];
      const repository = template
        ? template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
            const value = at(r.cells, name);
            const problem = templateCellProblem(name, value);
            if (problem) cellProblems.push(problem);
            return value;
          })
        : at(r.cells, "repository");
      const key = submission.toLowerCase();
      const earlier = seen.get(key);
      seen.set(key, r.line);
      const problem =
        nameKey(submission) === nameKey(OUT_NAMES.cloneLog)
          ? `its submission folder would be ${submission}, the name of this command's own log; rename the submission`
          : earlier !== undefined
            ? `its submission folder ${submission} is also line ${earlier}'s`
            : (cellProblems[0] ?? (repository === "" ? "the repository column is empty" : nameProblem(repository)));
      return {
        submission,
        repository,
        line: r.line,
        ...(problem ? { problem: `${file} line ${r.line}: ${problem}` } : {}),
        ...(earlier !== undefined ? { sharesFolder: true } : {}),
      };
    });
}

/** Which time a deadline goes by: GitHub's record of each push, or the commit's own (student-set) date. */
export type DeadlineBy = "push" | "commit";

export interface CloneOptions {
  out: string;
  base: string;
  /** A deadline (ISO 8601): the last commit before it is taken. */
  before?: string;
  by?: DeadlineBy;
  /** GitHub's API, for push times. */
  apiUrl?: string;
  /** The host GH_TOKEN belongs to (github.com or an Enterprise host); the token goes nowhere else. */
  githubHost?: string;
  jobs: number;
}

/** git's answer in one line a TA can act on, from its stderr (which ends with hints, not the cause). */
export function explainGitError(stderr: string, repository: string): string {
  const lines = stderr
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const text = lines.join(" ");
  if (
    /could not read Username|terminal prompts disabled|Authentication failed|Invalid username or password/i.test(text)
  )
    return `authentication failed for ${repository}: set GH_TOKEN to a token that can read the students' repositories`;
  if (/not found|does not exist|does not appear to be a git repository|access rights/i.test(text))
    return `${repository} was not found: check the roster's repository (or --template) and that GH_TOKEN can read it (a host answers "not found" for a private repository it will not show)`;
  if (/Could not resolve host|Failed to connect|Connection refused|timed out/i.test(text))
    return `cannot reach the host of ${repository}: check --base-url and the network`;
  const fatal = lines.find((l) => /^(fatal|error):/i.test(l)) ?? lines[0] ?? "git failed without a message";
  return fatal.replace(/^(fatal|error):\s*/i, "");
}

const git = (dir: string, args: string[], env: NodeJS.ProcessEnv) => run("git", ["-C", dir, ...args], { env });

/** The commit to take and its time: the branch's tip, or the last one before the deadline by push or commit time. */
async function chooseCommit(dir: string, repo: RosterRepo, options: CloneOptions, env: NodeJS.ProcessEnv) {
  if (options.before && options.by === "push") {
    const branch = (await git(dir, ["symbolic-ref", "--short", "HEAD"], env)).stdout.trim();
    const { commit, pushedAt } = await commitAtDeadline({
      repository: repo.repository,
      branch,
      deadline: new Date(options.before),
      apiUrl: options.apiUrl ?? DEFAULT_API_URL,
      token: process.env.GH_TOKEN,
    });
    // The API's answer is data: a commit that is not a hash could be an option to git.
    if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(commit))
      throw new Error(`the API named "${commit.slice(0, 80)}" as the commit, which is not a commit hash`);
    const present = await git(dir, ["cat-file", "-e", `${commit}^{commit}`], env).then(
      () => true,
      () =>
        git(dir, ["fetch", "--quiet", "origin", commit], env).then(
          () => true,
          () => false,
        ),
    );
    if (!present)
      throw new Error(
        `the commit pushed before the deadline (${commit}) is no longer in the repository (force-pushed away)`,
      );
    return { commit, time: pushedAt };
  }
  let commit = "HEAD";
  if (options.before) {
    commit = (await git(dir, ["rev-list", "-1", `--before=${options.before}`, "HEAD"], env)).stdout.trim();
    if (!commit) throw new Error(`no commit before ${options.before}`);
  }
  const [sha, time] = (await git(dir, ["log", "-1", "--format=%H %cI", commit], env)).stdout.trim().split(" ");
  return { commit: sha, time };
}

async function cloneOne(repo: RosterRepo, options: CloneOptions): Promise<string[]> {
  const dir = path.join(options.out, repo.submission);
  const token = process.env.GH_TOKEN || undefined;
  const tokenHost = githubHost(options.githubHost);
  const target = repo.problem ? { problem: repo.problem } : repoTarget(repo.repository, options.base);
  const notCloned = async (why: string) => {
    if (!repo.sharesFolder) {
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
    }
    return [repo.submission, repo.repository, "", `not cloned: ${why.replaceAll(token || "\u0000", "***")}`, ""];
  };
  if ("problem" in target) return notCloned(target.problem);
  if (options.before && options.by === "push" && !target.fromBase && target.host.toLowerCase() !== tokenHost)
    return notCloned(
      `push times come from ${tokenHost}'s API, and ${repo.repository} is not on ${tokenHost}; use --by commit, or --github-host`,
    );
  const env = gitEnv(target.host, token, tokenHost);
  await rm(dir, { recursive: true, force: true });
  try {
    // A deadline needs the history; otherwise the last commit is enough.
    const depth = options.before ? ["--filter=blob:none"] : ["--depth", "1"];
    await run("git", ["clone", "--quiet", ...depth, "--", target.url, dir], { env });
    const { commit, time } = await chooseCommit(dir, { ...repo, repository: target.fullName }, options, env);
    await git(dir, ["checkout", "--quiet", commit], env);
    await rm(path.join(dir, ".git"), { recursive: true, force: true });
    return [repo.submission, repo.repository, commit, "cloned", time];
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    return notCloned(stderr ? explainGitError(stderr, repo.repository) : (error as Error).message);
  }
}

export async function cloneRoster(repos: RosterRepo[], options: CloneOptions): Promise<string[][]> {
  await mkdir(options.out, { recursive: true });
  const log: string[][] = [];
  let next = 0;
  const worker = async () => {
    while (next < repos.length) log.push(await cloneOne(repos[next++], options));
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, repos.length)) }, worker));
  log.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const time = options.before && options.by === "push" ? "pushed_at" : "committed_at";
  await writeAtomic(
    path.join(options.out, OUT_NAMES.cloneLog),
    csv([["submission", "repository", "commit", "status", time], ...log]),
  );
  return log;
}
