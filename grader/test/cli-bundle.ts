/**
 * The kit's CLIs as one esbuild bundle each, built once per test run by the global setup, so that the tests' many
 * `grade` and `check` calls do not each resolve and load a hundred TypeScript modules through tsx. The bundles
 * still load a few .ts files at run time (the live diagnoser and the catalogue's mistakes, imported by path), through
 * ts-register.mjs, which transforms those and leaves every other module to Node.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";
import { paths } from "../paths.ts";

/** The CLIs the tests run, by name: grader/cli/<name>.ts. */
export const CLIS = ["grade", "check", "clone-roster", "gradescope-package", "similarity"] as const;
export type CliName = (typeof CLIS)[number];

/** Set by the global setup to the folder holding <name>.mjs for each of CLIS. */
export const BUNDLE_ENV = "BACKPROP_TEST_CLI_BUNDLE";

/**
 * Modules find their own files (the harness, the mistakes, KaTeX's assets) from import.meta; in a bundle that
 * would be the bundle's. Each module keeps its source file's instead.
 */
const ownMeta: Plugin = {
  name: "own-import-meta",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const contents = source
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll("import.meta.dirname", JSON.stringify(path.dirname(args.path)))
        .replaceAll("import.meta.filename", JSON.stringify(args.path));
      return { contents, loader: "ts" };
    });
  },
};

/** Builds the bundles into `outdir`, which must be inside the kit so that they find its node_modules. */
export async function buildCliBundle(outdir: string): Promise<void> {
  await build({
    entryPoints: CLIS.map((name) => path.join(paths.root, "grader", "cli", `${name}.ts`)),
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outExtension: { ".js": ".mjs" },
    plugins: [ownMeta],
    logLevel: "error",
  });
}

/** tsx's loader by file URL, so that a CLI run from any working folder finds it. */
const TSX = pathToFileURL(path.join(paths.root, "node_modules", "tsx", "dist", "loader.mjs")).href;
/** What loads the .ts files a bundle imports at run time. */
const TS_HOOKS = pathToFileURL(path.join(paths.root, "grader", "test", "ts-register.mjs")).href;

/** The node arguments that run a CLI: its bundle when the global setup built one, else its source through tsx. */
export function cliArgs(name: CliName, args: readonly string[]): string[] {
  const dir = process.env[BUNDLE_ENV];
  const bundle = dir && path.join(dir, `${name}.mjs`);
  if (bundle && existsSync(bundle)) return ["--import", TS_HOOKS, bundle, ...args];
  return ["--import", TSX, path.join(paths.root, "grader", "cli", `${name}.ts`), ...args];
}
