// The course's CLIs start here: `node grader/cli/launch.js <name> [args...]` runs grader/cli/<name>.ts from its
// esbuild bundle, built on first use and kept by content (bundle-cache.js), instead of through tsx.
//
// `node grader/cli/launch.js --prepare` only builds the bundles, for an image made once and started many times:
// Gradescope's setup.sh runs it, so that each submission's run_autograder loads a bundle instead of compiling.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundleDir, CLIS, runCli } from "./bundle-cache.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const name = process.argv[2];
const prepareOnly = name === "--prepare" && process.argv.length === 3;
if (!prepareOnly && !CLIS.includes(name)) {
  process.stderr.write(`usage: node grader/cli/launch.js <${CLIS.join("|")}> [arguments...] | --prepare\n`);
  process.exit(2);
}
// The command sees its own arguments, as when run as grader/cli/<name>.ts.
process.argv.splice(2, 1);

if (prepareOnly) {
  const dir = await bundleDir(root);
  // A build that fails is not fatal: every start then runs the source through tsx, as it would have.
  process.stdout.write(
    dir
      ? `The CLIs are built: ${path.relative(root, dir)}\n`
      : "The CLIs could not be built; they will run from their source through tsx.\n",
  );
} else {
  await runCli(root, name);
}
