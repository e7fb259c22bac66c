/**
 * `npm run clone-roster -- <roster.csv> --out <dir>`: clones each roster
 * row's repository into <dir>/<submission>/ (grader/batch/clone-roster.ts).
 */
import { readFile } from "node:fs/promises";
import { Command } from "commander";
import { cloneRoster, rosterRepos } from "../batch/clone-roster.ts";
import { runCli } from "./run-cli.ts";

async function main(argv: string[]): Promise<void> {
  const program = new Command("clone-roster")
    .description("Clone each roster row's repository into <out>/<submission>/.")
    .argument("<roster>", "the roster CSV")
    .requiredOption("-o, --out <dir>", "where the repositories go")
    .option("--template <pattern>", "the repository from the row's columns, e.g. my-org/backprop-{submission}")
    .option("--base-url <url>", "where owner/name repositories are", "https://github.com")
    .option("--before <time>", "take the last commit before this time (ISO 8601), e.g. a deadline")
    .option("-j, --jobs <n>", "clones at once", "8")
    .exitOverride()
    .parse(argv, { from: "user" });
  const o = program.opts<{ out: string; template?: string; baseUrl: string; before?: string; jobs: string }>();
  const repos = rosterRepos(await readFile(program.args[0], "utf8"), o.template || undefined);
  const log = await cloneRoster(repos, { out: o.out, base: o.baseUrl, before: o.before, jobs: Number(o.jobs) || 8 });
  const failed = log.filter((l) => l[3] !== "cloned");
  process.stdout.write(
    `Cloned ${log.length - failed.length}/${log.length} repositories into ${o.out}/ (see clone-log.csv).\n` +
      failed.map((l) => `  ${l[0]} (${l[1]}): ${l[3]}\n`).join(""),
  );
}

await runCli(main);
