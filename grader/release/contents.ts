/**
 * What of the grader goes into the student release: exactly the files that
 * `npm run check` loads, found by following imports from its entry points
 * (esbuild's metafile), plus files loaded by URL (the sandbox harness). That
 * way course-side code (batch grading, reports, the live diagnoser) stays out
 * without a list to keep up to date, and the COURSE_ONLY list is a guard: the
 * build fails if check ever comes to import one of them.
 */
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import * as esbuild from "esbuild";
import { ReleaseError } from "../errors.ts";

/**
 * The student's commands start here (relative to the kit's root). The
 * playground's page (client/main.ts) is loaded by URL from its server, so it
 * is followed like the harness, stylesheets included.
 */
export const ENTRY_POINTS = ["grader/cli/check-launch.js", "grader/cli/check.ts", "grader/playground/cli.ts"];

/** Never in a release, with the reason. A path is a file or a folder. */
export const COURSE_ONLY: { path: string; why: string }[] = [
  { path: "solutions", why: "the reference solutions" },
  { path: "fixtures/submissions", why: "the demo class, built from the solutions" },
  { path: "grader/fixtures/gen", why: "the fixture generator computes expected values from the solutions" },
  { path: "grader/fixtures/generate.ts", why: "the fixture generator" },
  { path: "grader/fixtures/demo-class.ts", why: "builds the demo class from the solutions" },
  { path: "grader/fixtures/demo-authors", why: "the demo students' code: complete and near-complete solutions" },
  { path: "grader/fixtures/mutants", why: "deliberately broken solutions: near-solution code" },
  { path: "grader/test", why: "the grader's own tests, which read the solutions and hidden cases" },
  { path: "grader/suites", why: "the course's vitest suites" },
  { path: "grader/misconceptions/mistakes", why: "the catalogued mistakes are near-solution code" },
  { path: "grader/misconceptions/catalogue.ts", why: "names the mistake files" },
  { path: "grader/misconceptions/apply.ts", why: "pastes mistakes into the solutions" },
  { path: "grader/misconceptions/diagnose.ts", why: "the live diagnoser runs the mistakes" },
  { path: "grader/release", why: "the release builder itself" },
  { path: "grader/reports/gradescope.ts", why: "Gradescope packaging" },
  { path: "grader/reports/gradescope-schema.ts", why: "Gradescope packaging" },
  { path: "grader/reports/autograder-zip.ts", why: "Gradescope packaging: the autograder zip holds the hidden cases" },
  { path: "grader/cli/gradescope-package.ts", why: "Gradescope packaging" },
  { path: "grader/cli/run-autograder.ts", why: "Gradescope's entry point" },
  { path: "grader/reports/run-autograder.ts", why: "Gradescope's entry point" },
  { path: "bench", why: "the course's benchmark" },
  { path: "grader/diagnosis-eval", why: "the diagnosis evaluation corpus: wrong and right implementations" },
  { path: "grader/similarity", why: "similarity reports are for the course, and need Dolos" },
  { path: ".similarity", why: "Dolos, installed apart for the similarity reports" },
];

export function courseOnly(rel: string): { path: string; why: string } | undefined {
  const posix = rel.split(path.sep).join("/");
  return COURSE_ONLY.find((c) => posix === c.path || posix.startsWith(`${c.path}/`));
}

// `new URL("./harness.ts", import.meta.url)`: a file loaded by path, not imported.
const BY_URL = /new URL\(\s*["'](\.{1,2}\/[^"']+\.ts)["']\s*,\s*import\.meta\.url\s*\)/g;

/**
 * The grader files `npm run check` needs, relative to `root`, and the npm
 * packages they import. Fails if one is course-only or a package is not a
 * runtime dependency.
 */
export async function graderClosure(root: string, dependencies: Record<string, string>): Promise<string[]> {
  // A kit without the playground (a test's miniature kit) still has check to follow.
  let entries = ENTRY_POINTS.filter((e, i) => i === 0 || existsSync(path.join(root, e)));
  let inputs: esbuild.Metafile["inputs"] = {};
  const packages = new Set<string>();
  for (;;) {
    const built = await esbuild.build({
      absWorkingDir: root,
      entryPoints: entries,
      bundle: true,
      write: false,
      metafile: true,
      platform: "node",
      format: "esm",
      packages: "external",
      outdir: "out",
      logLevel: "silent",
    });
    inputs = built.metafile.inputs;
    for (const out of Object.values(built.metafile.outputs)) {
      for (const i of out.imports) if (i.external) packages.add(i.path);
    }
    const byUrl = Object.keys(inputs).flatMap((file) =>
      [...readFileSync(path.join(root, file), "utf8").matchAll(BY_URL)].map((m) =>
        path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1])),
      ),
    );
    const more = byUrl.filter((f) => !entries.includes(f));
    if (more.length === 0) break;
    entries = [...entries, ...more];
  }
  const files = Object.keys(inputs).sort();
  const forbidden = files.flatMap((f) => {
    const rule = courseOnly(f);
    if (!rule) return [];
    const by = files.filter((g) => inputs[g].imports.some((i) => i.path === f));
    return [`${f} (${rule.why}), imported by ${by.join(", ") || "an entry point"}`];
  });
  if (forbidden.length > 0)
    throw new ReleaseError(`npm run check would load course-only files:\n  ${forbidden.join("\n  ")}`);
  const missing = [...packages].filter((p) => {
    const name = p.startsWith("@") ? p.split("/").slice(0, 2).join("/") : p.split("/")[0];
    return !p.startsWith("node:") && !builtinModules.includes(name) && !(name in dependencies);
  });
  if (missing.length > 0) {
    throw new ReleaseError(`npm run check imports packages that are not runtime dependencies: ${missing.join(", ")}`);
  }
  return files;
}
