// Module hooks for the CLI bundles the tests run (cli-bundle.ts): the bundles hold the CLIs' own TypeScript already,
// and load at run time only what cannot be bundled, the catalogue's mistakes and the live diagnoser, by path.
// So only a `.ts` file is transformed here, and everything else is Node's own loading. tsx's loader did the same
// work for these few files but stood in the way of every module a CLI loads, which cost each CLI start about a
// second of CPU.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";

const TS = /\.[cm]?ts$/;

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    // An import written without its extension, as tsx allows.
    if (error?.code !== "ERR_MODULE_NOT_FOUND" || !/^\.\.?\//.test(specifier) || TS.test(specifier)) throw error;
    return nextResolve(`${specifier}.ts`, context);
  }
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith("file:") || !TS.test(url)) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const { code } = await transform(await readFile(file, "utf8"), {
    loader: "ts",
    format: "esm",
    target: "node20",
    sourcefile: file,
  });
  return { format: "module", source: code, shortCircuit: true };
}
