/**
 * The grader's public API: the schemas of what it writes, and the functions
 * that grade a class and write its reports. Everything else under grader/ is
 * internal and may change.
 *
 * @packageDocumentation
 */

// results/<id>/results.json
export {
  CaseResultSchema,
  CaseStatusSchema,
  CompileProblemSchema,
  DiagnosisSchema,
  ExerciseResultSchema,
  ExerciseStatusSchema,
  GradingStatusSchema,
  SubmissionResultSchema,
  type CaseResult,
  type Diagnosis,
  type ExerciseResult,
  type ExerciseStatus,
  type GradingStatus,
  type SubmissionResult,
} from "./engine/results.ts";
export { ProblemCodeSchema, ProblemSchema, type Problem, type ProblemCode } from "./engine/problem.ts";

// results/<id>/gradescope.json and Gradescope's /autograder/results/results.json
export {
  GradescopeFormatSchema,
  GradescopeLeaderboardEntrySchema,
  GradescopeResultsSchema,
  GradescopeTestSchema,
  GradescopeVisibilitySchema,
  type GradescopeResults,
  type GradescopeTest,
} from "./reports/gradescope-schema.ts";

// Grading
export { runBatch, type BatchOptions, type BatchReport, type SubmissionWriter } from "./batch/run-batch.ts";
export { toRow, type Row } from "./batch/gradebook.ts";
export { expandInputs, type Pending } from "./submission/expand.ts";
export { loadManifest, ManifestSchema, type Manifest } from "./manifest.ts";
export { loadCases } from "./fixtures/load.ts";

// Reports
export { reportWriters, writeReports, REPORT_FILES, type ReportContext } from "./reports/writers.ts";
export { writeSummary, type ClassSummary, type RosterOptions } from "./reports/class-summary.ts";
export { feedbackMarkdown } from "./reports/feedback-md.ts";
export { toGradescope } from "./reports/gradescope.ts";
export { gradeForGradescope } from "./reports/run-autograder.ts";
export { buildAutograderZip } from "./reports/autograder-zip.ts";
export { canvasCsv, DEFAULT_ASSIGNMENT } from "./reports/canvas.ts";
export { loadRoster, matchRoster, parseRoster, type RosterEntry, type RosterMatch } from "./reports/roster.ts";

// Fixtures and one implementation
export {
  CaseSchema,
  CheckSchema,
  FixtureFileSchema,
  type Case,
  type Check,
  type LoadedCase,
} from "./fixtures/schema.ts";
export {
  gradeImplementation,
  DEFAULT_LIMITS,
  type Diagnoser,
  type Finding,
  type GradeInput,
  type GradedImplementation,
} from "./engine/grade.ts";
