/**
 * `npm run similarity:install`: installs Dolos into .similarity/ from its
 * committed lockfile, so every machine gets the same versions, and checks
 * that it loads. Idempotent: when the installed copy matches the lockfile and
 * was built for this Node (its parsers are native), it only says so. CI runs
 * it before `npm test`.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { INSTALL_COMMAND, installed, loadDolos, pinnedVersion, SIMILARITY_DIR, STAMP_FILE } from "./dolos.ts";
import { tokenizeText } from "./tokenize.ts";

/** What the installed copy must match: the lockfile, this Node's module ABI, the platform. */
function stamp(): string {
  const lock = readFileSync(path.join(SIMILARITY_DIR, "package-lock.json"));
  const hash = createHash("sha256").update(lock).digest("hex").slice(0, 16);
  return `${hash} node-abi-${process.versions.modules} ${process.platform}-${process.arch}\n`;
}

/** Loads Dolos and tokenizes a line, in this process: the proof that the native parsers work here. */
async function works(): Promise<boolean> {
  try {
    const { lib, tokenizer } = await loadDolos();
    return tokenizeText(lib, tokenizer, "probe", "const x: number = 1;").tokens.length > 0;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const version = pinnedVersion();
  const current = existsSync(STAMP_FILE) && readFileSync(STAMP_FILE, "utf8") === stamp();
  if (current && installed() && (await works())) {
    process.stdout.write(`Dolos ${version} is installed in .similarity/ for Node ${process.version}.\n`);
    return;
  }
  process.stdout.write(
    `Installing Dolos ${version} into .similarity/ (a few minutes: it builds the tree-sitter parsers)…\n`,
  );
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const run = spawnSync(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: SIMILARITY_DIR,
    stdio: "inherit",
    // `npm run` passes the kit's own project down (npm_config_local_prefix would make npm ci install the kit's
    // root); the user's settings (nodedir, cache, registry) pass through.
    env: Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^npm_(config_local_prefix$|package_|lifecycle_|command$)/i.test(k)),
    ),
  });
  if (run.status !== 0) {
    process.stderr.write(
      `The install failed (npm ci in .similarity/ exited with ${run.status ?? run.signal}). Building the parsers ` +
        `needs Python 3, make and a C++ compiler (Debian: apt-get install python3 make g++). Then run ${INSTALL_COMMAND} again.\n`,
    );
    process.exitCode = 1;
    return;
  }
  if (!(await works())) {
    process.stderr.write(`Dolos was installed but does not load under Node ${process.version}.\n`);
    process.exitCode = 1;
    return;
  }
  writeFileSync(STAMP_FILE, stamp());
  process.stdout.write(`Dolos ${version} is installed in .similarity/ for Node ${process.version}.\n`);
}

await main();
