// Internal. The CLIs' bundles, kept by content, and how a launcher starts a CLI from one. launch.js (`npm run
// grade` and the course's other commands) and check-launch.js (`npm run check`) both start here. Plain JavaScript,
// so nothing has to compile it first.
//
// A CLI run through tsx resolves, compiles and loads about two hundred TypeScript modules at every start (about
// 1 s of CPU, 0.5 s for `check`); a bundle loads in a fraction of that. The bundles are content-addressed:
// node_modules/.cache/backprop-kit/cli/<hash>/, where <hash> covers every file they were built from, this file,
// bundle.js (how they are built) and esbuild's version. A start re-reads those files (a few ms) and uses the bundle
// when they are unchanged; otherwise it builds every CLI the kit holds again (about a second), so an edit to the
// grader is never run stale. BACKPROP_CLI_SOURCE=1 runs the source through tsx instead, as does a build that fails
// (tsx then reports the error where it is).
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import module from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { cliBuildOptions, mistakeFiles } from "./bundle.js";

/** The CLIs built together; each is grader/cli/<name>.ts. */
export const CLIS = ["grade", "gradescope-package", "clone-roster", "similarity", "run-autograder", "check"];

/** Those a copy of the kit holds: a student's release has only check, Gradescope's zip no gradescope-package. */
function presentClis(root) {
  return CLIS.filter((cli) => existsSync(path.join(root, "grader", "cli", `${cli}.ts`)));
}

function cacheOf(root) {
  return path.join(root, "node_modules", ".cache", "backprop-kit", "cli");
}

function sha256(parts) {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

/**
 * What a bundle depends on besides its inputs: this file and bundle.js, the esbuild that built it, the mistakes it
 * holds, and which CLIs the kit has (a CLI added later is built then, not left to tsx).
 */
function salt(root) {
  const esbuild = JSON.parse(readFileSync(path.join(root, "node_modules", "esbuild", "package.json"), "utf8"));
  const own = [import.meta.url, new URL("./bundle.js", import.meta.url).href].map((url) =>
    readFileSync(fileURLToPath(url)),
  );
  return [...own, `esbuild ${esbuild.version}`, mistakeFiles(root).join("/"), presentClis(root).join("/")];
}

/** The bundle dir that matches the sources as they are now, if there is one. */
function current(root) {
  const cache = cacheOf(root);
  try {
    const hash = readFileSync(path.join(cache, "current"), "utf8").trim();
    const dir = path.join(cache, hash);
    const inputs = JSON.parse(readFileSync(path.join(dir, "inputs.json"), "utf8"));
    const now = sha256([...salt(root), ...inputs.flatMap((file) => [file, readFileSync(path.join(root, file))])]);
    return now === hash ? dir : undefined;
  } catch {
    // A file gone, a pointer or list unreadable: build again.
    return undefined;
  }
}

async function build(root) {
  const cache = cacheOf(root);
  const read = new Map();
  const temp = path.join(cache, `.build-${randomBytes(6).toString("hex")}`);
  // Anything that fails here (no esbuild for this platform, a cache folder that cannot be written) leaves the
  // command to run through tsx.
  try {
    const esbuild = await import("esbuild");
    mkdirSync(cache, { recursive: true });
    const built = await esbuild.build(cliBuildOptions(root, presentClis(root), temp, read));
    const inputs = Object.keys(built.metafile.inputs)
      .filter((file) => !file.includes(":"))
      .sort();
    // Hashed as read for the build: an edit made meanwhile shows as a mismatch at the next start.
    const hash = sha256([
      ...salt(root),
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
    const pointer = path.join(cache, `current.${randomBytes(6).toString("hex")}`);
    writeFileSync(pointer, hash);
    renameSync(pointer, path.join(cache, "current"));
    // Older bundles are of no more use; one being loaded right now has been read already.
    for (const old of readdirSync(cache))
      if (old !== hash && /^[0-9a-f]{64}$/.test(old)) rmSync(path.join(cache, old), { recursive: true, force: true });
    return dir;
  } catch {
    try {
      rmSync(temp, { recursive: true, force: true });
    } catch {
      // Nothing was written there.
    }
    return undefined;
  }
}

/** The bundles' dir, built now if the sources changed; undefined when they cannot be built or the source is asked for. */
export async function bundleDir(root) {
  if (process.env.BACKPROP_CLI_SOURCE === "1") return undefined;
  return current(root) ?? (await build(root));
}

/**
 * Runs grader/cli/<name>.ts in this process: from its bundle when there is one, else from the source through tsx.
 * The command reads its arguments from process.argv[2] on, as when run as its own file.
 */
export async function runCli(root, name) {
  const dir = await bundleDir(root);
  if (dir && existsSync(path.join(dir, `${name}.mjs`))) {
    // Node 22.1 and later keep V8's compiled code of the bundle between starts.
    module.enableCompileCache?.(path.join(cacheOf(root), "v8"));
    await import(pathToFileURL(path.join(dir, `${name}.mjs`)).href);
    return;
  }
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(path.join(root, "grader", "cli", `${name}.ts`)).href);
}
