/**
 * Internal. Where Dolos's builds are kept: a per-user store with one build per lockfile and Node module ABI, which
 * `.similarity/node_modules` links to (see install.ts). Kept apart so that loading (dolos.ts) and installing read
 * the same keys.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { paths } from "../paths.ts";

export const SIMILARITY_DIR = path.join(paths.root, ".similarity");
/** The file in a build's node_modules that says what it was built for (stamp()). */
export const STAMP = ".backprop-kit-stamp";

/** What a build must match: the lockfile, this Node's module ABI, the platform. */
export function stamp(): string {
  const lock = readFileSync(path.join(SIMILARITY_DIR, "package-lock.json"));
  const hash = createHash("sha256").update(lock).digest("hex").slice(0, 16);
  return `${hash}-abi${process.versions.modules}-${process.platform}-${process.arch}`;
}

/** This Node's build's folder in the store. */
export function storeDir(): string {
  const base = process.env.BACKPROP_KIT_CACHE ?? process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache");
  return path.join(base, "backprop-kit", "similarity", stamp());
}

/** Whether `modules` holds a build stamped for this lockfile, this Node's ABI and this platform. */
export function stampedHere(modules: string): boolean {
  try {
    return readFileSync(path.join(modules, STAMP), "utf8") === stamp();
  } catch {
    return false;
  }
}

/**
 * The node_modules Dolos loads from: the store's build for the running Node where it has one, so that a machine
 * that has installed Dolos under Node 20 and under 24 switches between them with no reinstall; else whatever
 * `.similarity/node_modules` links to (a build for another Node fails to load, and the error says to install).
 */
export function dolosModules(): string {
  const stored = path.join(storeDir(), "node_modules");
  return stampedHere(stored) ? stored : path.join(SIMILARITY_DIR, "node_modules");
}
