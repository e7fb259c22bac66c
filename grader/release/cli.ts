/**
 * `npm run release -- <outdir>`: builds the student repository (build.ts).
 *
 * The hidden cases are sealed under GRADER_KEY (or --key), 32 bytes in
 * base64. Without one, a new key is made and printed once.
 */
import { Command } from "commander";
import path from "node:path";
import { runCli } from "../cli/run-cli.ts";
import { generateKey, parseKey, takeKeyFromEnv } from "../check/sealed.ts";
import { buildRelease } from "./build.ts";

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
  if (!given?.trim()) {
    process.stdout.write(
      `\nNo GRADER_KEY was given, so a new key was made. It is shown only now; keep it, it is the only way to open\n` +
        `the hidden cases of this release:\n\n  GRADER_KEY=${key}\n\n` +
        `Store it as a GitHub Actions secret named GRADER_KEY where hidden cases should run, e.g.\n` +
        `  gh secret set GRADER_KEY --org <your-org> --visibility all   (students' repositories: see README.md)\n` +
        `and pass it to later releases (GRADER_KEY=… npm run release -- <outdir>) to keep the same key.\n`,
    );
  }
}

await runCli(main);
