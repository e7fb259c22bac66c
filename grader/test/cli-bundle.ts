/**
 * The kit's CLIs as one esbuild bundle each, built once per test run by the global setup, so that the tests' many
 * `grade` and `check` calls do not each resolve and load a hundred TypeScript modules through tsx. They are built
 * as `npm run grade`'s and `npm run check`'s own bundles are (cli/bundle-cache.js): the live diagnoser's modules,
 * which are imported by path, are held inside, so a bundle runs on plain Node with no module hooks (hooks run in a
 * thread of their own that every import waits on, which cost each CLI start about 0.8 s of CPU).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { cliBuildOptions } from "../cli/bundle.js";
import { paths } from "../paths.ts";

/** The CLIs the tests run, by name: grader/cli/<name>.ts. */
export const CLIS = ["grade", "check", "clone-roster", "gradescope-package", "similarity"] as const;
export type CliName = (typeof CLIS)[number];

/** Set by the global setup to the folder holding <name>.mjs for each of CLIS. */
export const BUNDLE_ENV = "BACKPROP_TEST_CLI_BUNDLE";

/** Built as bundle-cache.js builds the kit's bundles (cli/bundle.js). */
export async function buildCliBundle(outdir: string): Promise<void> {
  await build({ ...cliBuildOptions(paths.root, [...CLIS], outdir), logLevel: "error" });
}

const TSX = pathToFileURL(path.join(paths.root, "node_modules", "tsx", "dist", "loader.mjs")).href;

/** The node arguments that run a CLI: its bundle when the global setup built one, else its source through tsx. */
export function cliArgs(name: CliName, args: readonly string[]): string[] {
  const dir = process.env[BUNDLE_ENV];
  const bundle = dir && path.join(dir, `${name}.mjs`);
  if (bundle && existsSync(bundle)) return [bundle, ...args];
  return ["--import", TSX, path.join(paths.root, "grader", "cli", `${name}.ts`), ...args];
}

/** The folder of the bundles a kit at `root` last built or found: what its cache's `current` pointer names. */
export function currentBundleDir(root: string): string {
  const cache = path.join(root, "node_modules", ".cache", "backprop-kit", "cli");
  return path.join(cache, readFileSync(path.join(cache, "current"), "utf8").trim());
}
