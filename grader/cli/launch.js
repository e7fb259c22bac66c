// The course's CLIs start here: `node grader/cli/launch.js <name> [args...]` runs grader/cli/<name>.ts from an
// esbuild bundle instead of through tsx, which resolves, compiles and loads about two hundred TypeScript modules
// at every start (about 1 s of CPU; a bundle loads in about a third of that). Plain JavaScript, so nothing has to
// compile it first.
//
// The bundles are content-addressed: node_modules/.cache/backprop-kit/cli/<hash>/, where <hash> covers every
// file a bundle was built from, this file, bundle.js (how it is built) and esbuild's version. A start re-reads
// those files (a few ms) and uses the bundle when they are unchanged; otherwise it builds all the CLIs again
// (about a second), so an edit to the grader is never run stale. BACKPROP_CLI_SOURCE=1 runs the source through
// tsx instead, as does a build that fails (tsx then reports the error where it is).
//
// `node grader/cli/launch.js --prepare` only builds the bundles, for an image made once and started many times:
// Gradescope's setup.sh runs it, so that each submission's run_autograder loads a bundle instead of compiling.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import module from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { cliBuildOptions, mistakeFiles } from "./bundle.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The CLIs built together; each is grader/cli/<name>.ts. */
const CLIS = ["grade", "gradescope-package", "clone-roster", "similarity", "run-autograder"];
/** Those this copy of the kit holds: Gradescope's zip has no gradescope-package, which needs the course's files. */
const present = CLIS.filter((cli) => existsSync(path.join(root, "grader", "cli", `${cli}.ts`)));
const cache = path.join(root, "node_modules", ".cache", "backprop-kit", "cli");
const currentFile = path.join(cache, "current");

const name = process.argv[2];
const prepareOnly = name === "--prepare" && process.argv.length === 3;
if (!prepareOnly && !CLIS.includes(name)) {
  process.stderr.write(`usage: node grader/cli/launch.js <${CLIS.join("|")}> [arguments...] | --prepare\n`);
  process.exit(2);
}
// The command sees its own arguments, as when run as grader/cli/<name>.ts.
process.argv.splice(2, 1);

function sha256(parts) {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

/**
 * What a bundle depends on besides its inputs: this file and bundle.js, the esbuild that built it, the mistakes
 * it holds.
 */
function salt() {
  const esbuild = JSON.parse(readFileSync(path.join(root, "node_modules", "esbuild", "package.json"), "utf8"));
  const own = [import.meta.url, new URL("./bundle.js", import.meta.url).href].map((url) =>
    readFileSync(fileURLToPath(url)),
  );
  return [...own, `esbuild ${esbuild.version}`, mistakeFiles(root).join("/")];
}

/** The hash of the files `inputs` names (relative to the kit's root) as they are now; undefined if one is gone. */
function hashOf(inputs) {
  try {
    return sha256([...salt(), ...inputs.flatMap((file) => [file, readFileSync(path.join(root, file))])]);
  } catch {
    return undefined;
  }
}

/** The bundle dir that matches the sources as they are now, if there is one. */
function current() {
  try {
    const hash = readFileSync(currentFile, "utf8").trim();
    const dir = path.join(cache, hash);
    const inputs = JSON.parse(readFileSync(path.join(dir, "inputs.json"), "utf8"));
    return hashOf(inputs) === hash ? dir : undefined;
  } catch {
    return undefined;
  }
}

async function build() {
  const esbuild = await import("esbuild");
  const read = new Map();
  mkdirSync(cache, { recursive: true });
  const temp = path.join(cache, `.build-${randomBytes(6).toString("hex")}`);
  try {
    const built = await esbuild.build(cliBuildOptions(root, present, temp, read));
    const inputs = Object.keys(built.metafile.inputs)
      .filter((file) => !file.includes(":"))
      .sort();
    // Hashed as read for the build: an edit made meanwhile shows as a mismatch at the next start.
    const hash = sha256([
      ...salt(),
      ...inputs.flatMap((file) => [file, read.get(path.join(root, file)) ?? readFileSync(path.join(root, file))]),
    ]);
    writeFileSync(path.join(temp, "inputs.json"), JSON.stringify(inputs));
    const dir = path.join(cache, hash);
    try {
      renameSync(temp, dir);
    } catch {
      // Another start built the same bundle first.
      rmSync(temp, { recursive: true, force: true });
    }
    const pointer = `${currentFile}.${randomBytes(6).toString("hex")}`;
    writeFileSync(pointer, hash);
    renameSync(pointer, currentFile);
    // Older bundles are of no more use; one being loaded right now has been read already.
    for (const old of readdirSync(cache))
      if (old !== hash && /^[0-9a-f]{64}$/.test(old)) rmSync(path.join(cache, old), { recursive: true, force: true });
    return dir;
  } catch {
    rmSync(temp, { recursive: true, force: true });
    return undefined;
  }
}

const dir = process.env.BACKPROP_CLI_SOURCE === "1" ? undefined : (current() ?? (await build()));
if (prepareOnly) {
  // A build that fails is not fatal: every start then runs the source through tsx, as it would have.
  process.stdout.write(
    dir
      ? `The CLIs are built: ${path.relative(root, dir)}\n`
      : "The CLIs could not be built; they will run from their source through tsx.\n",
  );
} else if (dir && present.includes(name)) {
  // Node 22.1 and later keep V8's compiled code of the bundle between starts.
  module.enableCompileCache?.(path.join(cache, "v8"));
  await import(pathToFileURL(path.join(dir, `${name}.mjs`)).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(path.join(root, "grader", "cli", `${name}.ts`)).href);
}
