/**
 * The release's .github/workflows/check.yml: on each push, `npm run check --
 * --hidden --ci`, with the course's GRADER_KEY when the repository has it.
 * The job is named "Autograding Tests" because GitHub Classroom's reporter
 * looks for the check run of that name; its step only reports (it never
 * decides whether the run fails: `--fail-under` does, when the course sets it).
 */
export const CHECK_WORKFLOW = `# Checks the exercises on every push: a job summary, annotations at failing functions,
# and check-results/ as an artifact. It is feedback, not the grade (see README.md).
name: check

on:
  push:
  pull_request:
  workflow_dispatch:

permissions:
  contents: read
  checks: write
  actions: read

jobs:
  check:
    name: Autograding Tests
    runs-on: ubuntu-latest
    timeout-minutes: 15
    steps:
      - uses: actions/checkout@v7
      - uses: actions/setup-node@v7
        with:
          node-version: 24
          cache: npm
      - run: npm ci --no-audit --no-fund
      - name: Check the exercises
        id: check
        # Without the secret (forks, or a course that keeps the key to itself) the hidden cases stay sealed.
        run: npm run check -- --hidden --ci
        env:
          GRADER_KEY: \${{ secrets.GRADER_KEY }}
      - name: Keep the results
        if: \${{ !cancelled() }}
        uses: actions/upload-artifact@v7
        with:
          name: check-results
          path: check-results/
      - name: Report to GitHub Classroom
        if: \${{ !cancelled() && steps.check.outputs.result != '' }}
        continue-on-error: true
        uses: classroom-resources/autograding-grading-reporter@v1
        env:
          CHECK_RESULTS: \${{ steps.check.outputs.result }}
        with:
          runners: check
`;
