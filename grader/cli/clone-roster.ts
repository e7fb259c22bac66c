/**
 * `npm run clone-roster -- <roster.csv> --out <dir>`: clones each roster
 * row's repository into <dir>/<submission>/ (grader/batch/clone-roster.ts).
 * With --before, a deadline goes by push time on GitHub (--by push, the
 * default), or by commit date (--by commit), which students set freely.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import { cloneRoster, rosterRepos, type DeadlineBy } from "../batch/clone-roster.ts";
import { githubHost } from "../batch/git-auth.ts";
import { DEFAULT_API_URL } from "../batch/push-time.ts";
import { UsageError } from "../errors.ts";
import { decodeCsv } from "../reports/csv-read.ts";
import { ensureOutDir } from "./out-dir.ts";
import { runCli } from "./run-cli.ts";

function isoTime(value: string): string {
  if (value !== "" && Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError("expected a time in ISO 8601, e.g. 2025-03-01T23:59:00Z");
  return value;
}

async function main(argv: string[]): Promise<void> {
  const program = new Command("clone-roster")
    .description("Clone each roster row's repository into <out>/<submission>/.")
    .argument("<roster>", "the roster CSV")
    .requiredOption("-o, --out <dir>", "where the repositories go")
    .option("--template <pattern>", "the repository from the row's columns, e.g. my-org/backprop-{submission}")
    .option(
      "--github-host <host>",
      "the GitHub host GH_TOKEN is for, and the only one it is sent to (default: GH_HOST, else github.com)",
    )
    .option("--base-url <url>", "where owner/name repositories are (default: https://<github host>)")
    .option("--before <time>", "take the last commit before this time (ISO 8601), e.g. a deadline", isoTime)
    .addOption(
      new Option(
        "--by <time>",
        "what --before compares: push (when GitHub received it, from its API) or commit (the commit's own date, set by the student)",
      )
        .choices(["push", "commit"])
        .default("push"),
    )
    .option(
      "--api-url <url>",
      `GitHub's API, for push times (default: ${DEFAULT_API_URL}, or https://<host>/api/v3 for an Enterprise host)`,
    )
    .option("-j, --jobs <n>", "clones at once", "8")
    .showHelpAfterError()
    .exitOverride()
    .parse(argv, { from: "user" });
  const o = program.opts<{
    out: string;
    template?: string;
    githubHost?: string;
    baseUrl?: string;
    before?: string;
    by: DeadlineBy;
    apiUrl?: string;
    jobs: string;
  }>();
  const file = program.args[0];
  const source = await readFile(file).then(decodeCsv, (error: NodeJS.ErrnoException) => {
    throw new UsageError(
      `${file}: cannot read the roster (${error.code ?? error.message}); give the roster's CSV file`,
    );
  });
  const repos = rosterRepos(source, o.template || undefined, file);
  const host = githubHost(o.githubHost);
  if (!/^[a-z0-9.-]+(:\d+)?$/.test(host))
    throw new UsageError(`--github-host ${host} is not a host name; give e.g. github.example.edu`);
  await ensureOutDir(path.resolve(o.out), o.out);
  const log = await cloneRoster(repos, {
    out: o.out,
    base: o.baseUrl || `https://${host}`,
    githubHost: host,
    before: o.before || undefined,
    by: o.by,
    apiUrl: o.apiUrl || (host === "github.com" ? DEFAULT_API_URL : `https://${host}/api/v3`),
    jobs: Number(o.jobs) || 8,
  });
  const failed = log.filter((l) => l[3] !== "cloned");
  const by = o.before ? ` (the last ${o.by === "push" ? "push" : "commit dated"} before ${o.before})` : "";
  process.stdout.write(
    `Cloned ${log.length - failed.length}/${log.length} repositories${by} into ${o.out}/ (see clone-log.csv).\n` +
      failed.map((l) => `  ${l[0]}: ${l[3]}\n`).join(""),
  );
  if (failed.length > 0)
    process.stdout.write(
      `The ${failed.length} not cloned have empty folders, so grading lists them as refused; fix the cause and run again.\n`,
    );
}

await runCli(main);
