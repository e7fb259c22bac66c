/**
 * Every name the kit itself writes at the top of an output folder, in one
 * place. Each student's results go in <out>/<submission id>/, so a submission
 * named like one of these (a folder "similarity.html", a zip "gradebook.csv.zip")
 * would take the report's place, or the report its; expand.ts renames such a
 * submission (summary.html → summary.html-2, with a note) before anything is
 * written. A new top-level output file or folder must be added here:
 * grader/test/intake-out-names.test.ts scans the code for names joined onto an
 * output folder and fails on any that is missing.
 */
export const OUT_NAMES = {
  /** class-reports.ts */
  gradebook: "gradebook.csv",
  /** reports/class-summary.ts */
  summary: "summary.html",
  /** reports/class-summary.ts, with a roster */
  canvas: "canvas.csv",
  /** similarity/report.ts */
  similarityHtml: "similarity.html",
  similarityCsv: "similarity.csv",
  /** batch/clone-roster.ts, in the folder the repositories are cloned into (grade's input) */
  cloneLog: "clone-log.csv",
  /** reports/regrade-report.ts */
  regradeHtml: "regrade.html",
  regradeCsv: "regrade.csv",
  // Add each new top-level file or folder here.
} as const;

/**
 * Names a submission may not have though the kit does not write them at the top today: each student's own
 * file names (a folder "results.json" would read as one), and the roster's usual name.
 */
const ALSO_RESERVED = [
  "results.json",
  "feedback",
  "feedback.md",
  "feedback.html",
  "gradescope.json",
  "index.html",
  "roster.csv",
  // Output folders from before the pages typeset to MathML hold assets/katex/.
  "assets",
];

/**
 * The form in which two names are the same folder: case folded (macOS and Windows folders ignore case) and
 * trailing dots and spaces dropped (Windows drops them).
 */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[. ]+$/, "");
}

/** Reserved names, by nameKey. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([...Object.values(OUT_NAMES), ...ALSO_RESERVED].map(nameKey));

/** Whether a submission id would be the kit's own output name. */
export function isReservedName(id: string): boolean {
  return RESERVED_KEYS.has(nameKey(id));
}
