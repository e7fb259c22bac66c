// The course's CLIs start here: `node grader/cli/launch.js <name> [args...]` runs grader/cli/<name>.ts from an
// esbuild bundle instead of through tsx, which resolves, compiles and loads about two hundred TypeScript modules
// at every start (about 1 s of CPU; a bundle loads in about a third of that). Plain JavaScript, so nothing has to
// compile it first.
//
// The bundles are content-addressed: node_modules/.cache/backprop-kit/cli/<hash>/, where <hash> covers every
// file a bundle was built from, this file and esbuild's version. A start re-reads those files (a few ms) and
// uses the bundle when they are unchanged; otherwise it builds all the CLIs again (about a second), so an edit
// to the grader is never run stale. BACKPROP_CLI_SOURCE=1 runs the source through tsx instead, as does a build
// that fails (tsx then reports the error where it is).
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import module from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The CLIs built together; each is grader/cli/<name>.ts. */
const CLIS = ["grade", "gradescope-package", "clone-roster", "similarity"];
const cache = path.join(root, "node_modules", ".cache", "backprop-kit", "cli");
const currentFile = path.join(cache, "current");
/** The live diagnoser's modules, which are imported by path (see grader/import-file.ts). */
const misconceptions = path.join(root, "grader", "misconceptions");

const name = process.argv[2];
if (!CLIS.includes(name)) {
  process.stderr.write(`usage: node grader/cli/launch.js <${CLIS.join("|")}> [arguments...]\n`);
  process.exit(2);
}
// The command sees its own arguments, as when run as grader/cli/<name>.ts.
process.argv.splice(2, 1);

function sha256(parts) {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

/** The mistakes the bundle holds (see held()): a new one is a new bundle even before the catalogue names it. */
function mistakeFiles() {
  const dir = path.join(misconceptions, "mistakes");
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith(".ts"))
        .sort()
    : [];
}

/** What a bundle depends on besides its inputs: this file, the esbuild that built it, the mistakes it holds. */
function salt() {
  const esbuild = JSON.parse(readFileSync(path.join(root, "node_modules", "esbuild", "package.json"), "utf8"));
  return [readFileSync(fileURLToPath(import.meta.url)), `esbuild ${esbuild.version}`, mistakeFiles().join("/")];
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

/** The diagnoser's modules, registered by path before anything else runs. */
function held() {
  const mistakes = mistakeFiles().map((file) => path.join(misconceptions, "mistakes", file));
  const files = mistakes.length > 0 ? [path.join(misconceptions, "diagnose.ts"), ...mistakes] : [];
  return [
    `import { holdModules } from ${JSON.stringify(path.join(root, "grader", "import-file.ts"))};`,
    ...files.map((file, i) => `import * as held${i} from ${JSON.stringify(file)};`),
    `holdModules({ ${files.map((file, i) => `${JSON.stringify(file)}: held${i}`).join(", ")} });`,
  ].join("\n");
}

async function build() {
  const esbuild = await import("esbuild");
  const read = new Map();
  const plugin = {
    name: "backprop-cli",
    setup(b) {
      b.onResolve({ filter: /^cli-entry:/ }, (args) => ({ path: args.path.slice(10), namespace: "cli-entry" }));
      b.onResolve({ filter: /^cli-held$/ }, () => ({ path: "held", namespace: "cli-held" }));
      // Import order is evaluation order: the diagnoser's modules are registered before the command starts.
      b.onLoad({ filter: /.*/, namespace: "cli-entry" }, (args) => ({
        contents: `import "cli-held";\nimport ${JSON.stringify(path.join(root, "grader", "cli", `${args.path}.ts`))};`,
        loader: "js",
        resolveDir: root,
      }));
      b.onLoad({ filter: /.*/, namespace: "cli-held" }, () => ({ contents: held(), loader: "js", resolveDir: root }));
      // Modules find their own files (the harness, the mistakes, KaTeX's assets) from import.meta; in a bundle
      // that would be the bundle's. Each module keeps its source file's instead.
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const source = readFileSync(args.path, "utf8");
        read.set(args.path, source);
        const contents = source
          .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll("import.meta.dirname", JSON.stringify(path.dirname(args.path)))
          .replaceAll("import.meta.filename", JSON.stringify(args.path));
        return { contents, loader: "ts" };
      });
    },
  };
  mkdirSync(cache, { recursive: true });
  const temp = path.join(cache, `.build-${randomBytes(6).toString("hex")}`);
  try {
    const built = await esbuild.build({
      absWorkingDir: root,
      entryPoints: Object.fromEntries(CLIS.map((cli) => [cli, `cli-entry:${cli}`])),
      outdir: temp,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      outExtension: { ".js": ".mjs" },
      plugins: [plugin],
      metafile: true,
      logLevel: "silent",
    });
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
if (dir) {
  // Node 22.1 and later keep V8's compiled code of the bundle between starts.
  module.enableCompileCache?.(path.join(cache, "v8"));
  await import(pathToFileURL(path.join(dir, `${name}.mjs`)).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(path.join(root, "grader", "cli", `${name}.ts`)).href);
}
