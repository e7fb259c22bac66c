/**
 * Internal. Imports a module by its file's path: the live diagnoser's modules, which no literal import names (the
 * student release leaves them out). Run from source, that is a plain import(); a CLI bundle (cli/bundle-cache.js) holds
 * these modules already, registered here by path before the command starts, since it may run where nothing can
 * load a .ts file.
 */
import { pathToFileURL } from "node:url";

const held = new Map<string, unknown>();

/** Called by a CLI bundle, once, with the modules it holds by absolute path. */
export function holdModules(modules: Record<string, unknown>): void {
  for (const [file, module] of Object.entries(modules)) held.set(file, module);
}

export async function importFile(file: string): Promise<unknown> {
  return held.get(file) ?? import(pathToFileURL(file).href);
}
