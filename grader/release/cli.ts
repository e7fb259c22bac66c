/**
 * `npm run release -- <outdir>`: builds the student repository (build.ts).
 *
 * The hidden cases are sealed under GRADER_KEY (or --key), 32 bytes in
 * base64. Without one, a new key is made and printed once, with where to
 * keep it (key-advice.ts).
 */
import { Command } from "commander";
import path from "node:path";
import { runCli } from "../cli/run-cli.ts";
import { generateKey, parseKey, takeKeyFromEnv } from "../check/sealed.ts";
import { buildRelease } from "./build.ts";
import { keyAdvice } from "./key-advice.ts";

async function main(argv: string[]): Promise<void> {
  const program = new Command("release")
    .description("Build the student repository from the course's.")
    .argument("<outdir>", "where the student repository is written (new or empty)")
    .option("--key <base64>", "the key the hidden cases are sealed under (default: $GRADER_KEY)")
    .option("--force", "replace an earlier release in <outdir>")
    .showHelpAfterError()
    .exitOverride()
    .parse(argv, { from: "user" });
  const opts = program.opts<{ key?: string; force?: boolean }>();
  const given = opts.key ?? takeKeyFromEnv();
  const key = given?.trim() ? given : generateKey();
  const out = path.resolve(program.args[0]);
  const started = Date.now();
  const report = await buildRelease({ out, key: parseKey(key), force: opts.force });
  const hidden = Object.values(report.hidden).reduce((s, h) => s + h.cases, 0);
  process.stdout.write(
    `Wrote the student repository to ${out}: ${report.files.length} files, ${hidden} hidden cases sealed ` +
      `(${((Date.now() - started) / 1000).toFixed(1)} s).\n` +
      `Try it: cd ${out} && npm ci && npm run check\n`,
  );
  if (!given?.trim()) process.stdout.write(keyAdvice(key));
}

await runCli(main);
