// Internal. How a CLI bundle is built: the esbuild plugin that bundle-cache.js builds the kit's CLIs with, and the
// tests' per-run bundle (grader/test/cli-bundle.ts) too, so that the tests run the CLIs as `npm run grade` does.
// Plain JavaScript, like bundle-cache.js, which imports it before anything could compile TypeScript.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** The live diagnoser's mistakes under `root` (see heldSource()): a new one is a new bundle even before the catalogue names it. */
export function mistakeFiles(root) {
  const dir = path.join(root, "grader", "misconceptions", "mistakes");
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith(".ts"))
        .sort()
    : [];
}

/**
 * The module that registers the live diagnoser's modules by path (grader/import-file.ts) before the command starts:
 * no literal import names them, and a bundle may run where nothing can load a .ts file.
 */
function heldSource(root) {
  const misconceptions = path.join(root, "grader", "misconceptions");
  const mistakes = mistakeFiles(root).map((file) => path.join(misconceptions, "mistakes", file));
  const files = mistakes.length > 0 ? [path.join(misconceptions, "diagnose.ts"), ...mistakes] : [];
  return [
    `import { holdModules } from ${JSON.stringify(path.join(root, "grader", "import-file.ts"))};`,
    ...files.map((file, i) => `import * as held${i} from ${JSON.stringify(file)};`),
    `holdModules({ ${files.map((file, i) => `${JSON.stringify(file)}: held${i}`).join(", ")} });`,
  ].join("\n");
}

/**
 * The plugin: entry `cli-entry:<name>` is grader/cli/<name>.ts with the held modules first. Every .ts file read
 * is recorded in `read` (path → source), so the caller can hash exactly what was built.
 */
export function cliBundlePlugin(root, read = new Map()) {
  return {
    name: "backprop-cli",
    setup(b) {
      b.onResolve({ filter: /^cli-entry:/ }, (args) => ({ path: args.path.slice(10), namespace: "cli-entry" }));
      b.onResolve({ filter: /^cli-held$/ }, () => ({ path: "held", namespace: "cli-held" }));
      // KaTeX ships one build for import and another for require, and the reports import it while
      // @vscode/markdown-it-katex requires it: a bundle would hold both, half a megabyte that every start parses.
      // The require gets the import's build, whose default export is what the require's interop reads.
      b.onResolve({ filter: /^katex$/ }, (args) =>
        args.kind === "require-call"
          ? b.resolve(args.path, { kind: "import-statement", resolveDir: args.resolveDir, importer: args.importer })
          : undefined,
      );
      // Import order is evaluation order: the diagnoser's modules are registered before the command starts.
      b.onLoad({ filter: /.*/, namespace: "cli-entry" }, (args) => ({
        contents: `import "cli-held";\nimport ${JSON.stringify(path.join(root, "grader", "cli", `${args.path}.ts`))};`,
        loader: "js",
        resolveDir: root,
      }));
      b.onLoad({ filter: /.*/, namespace: "cli-held" }, () => ({
        contents: heldSource(root),
        loader: "js",
        resolveDir: root,
      }));
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
}

/**
 * The packages a bundle leaves to Node: esbuild and TypeScript find their native programs beside their own files,
 * Dolos is loaded only when asked for, and the rest are not the CLIs'. Every other package is bundled in: resolving
 * and loading some two hundred package files at each start cost a grading run about 0.5 s of CPU.
 */
const EXTERNAL = [
  "esbuild",
  "typescript",
  "typescript/*",
  "@typescript/*",
  "@dodona/*",
  "tsx",
  "tsx/*",
  "playwright-core",
];

/** esbuild's options for bundling the CLIs `names` into `outdir`, one `<name>.mjs` each. */
export function cliBuildOptions(root, names, outdir, read) {
  return {
    absWorkingDir: root,
    entryPoints: Object.fromEntries(names.map((cli) => [cli, `cli-entry:${cli}`])),
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: EXTERNAL,
    // The bundled packages written as CommonJS call require() for Node's own modules.
    banner: {
      js: 'import { createRequire as bpkCreateRequire } from "node:module";\nconst require = bpkCreateRequire(import.meta.url);',
    },
    outExtension: { ".js": ".mjs" },
    plugins: [cliBundlePlugin(root, read)],
    metafile: true,
    logLevel: "silent",
  };
}
