/**
 * Internal. What the release prints about keeping GRADER_KEY, when it made a
 * new one: the course-side path first, each path with its price, since where
 * the key is stored decides who can open the hidden cases.
 */
export function keyAdvice(key: string): string {
  return [
    "",
    "No GRADER_KEY was given, so a new key was made. It is shown only now; keep it, it is the only way to open",
    "the hidden cases of this release:",
    "",
    `  GRADER_KEY=${key}`,
    "",
    "Where to keep it, safest first:",
    "",
    "  1. With the course only (recommended). Keep it in the course's password store, or as a secret of the",
    "     course's private repository: gh secret set GRADER_KEY --repo <your-org>/<course-repo>",
    "     The authoritative grade (npm run grade, grade-class.yml) reads this repository's own hidden cases and",
    "     needs no key. Students' CI checks the public cases and says how many hidden ones their instructor grades.",
    "     Trade-off: students get no hidden-case feedback before they are graded.",
    "",
    "  2. In students' repositories, for hidden-case feedback as they work:",
    "     gh secret set GRADER_KEY --org <your-org> --visibility selected --repos <their repositories>",
    "     Trade-off: anyone who can edit a workflow in a repository holding the secret can print it and decrypt",
    "     every hidden case, so the hidden cases become public to every student who tries (see README.md,",
    '     "Where trust ends"). Rotate the key with a new release if you stop.',
    "",
    "Pass it to later releases (GRADER_KEY=… npm run release -- <outdir>) to keep the same key.",
    "",
  ].join("\n");
}
