/**
 * results/canvas.csv in the layout of Canvas's gradebook export, which its
 * import reads back: Student, ID, SIS User ID, SIS Login ID, Section, then a
 * column named after the assignment. A "Points Possible" row follows the
 * header, as in Canvas's own export; Canvas's importer reads it to set the
 * points of an assignment the import creates.
 *
 * One line per roster student. A student with no submission, a refused
 * submission, and one the grader could not grade (status `error`, or crashed
 * with nothing graded) get an empty cell: Canvas leaves an empty cell's grade
 * as it was, where a 0 would overwrite it. The TA gets the list of them.
 */
import { csv, hasScore, type Row } from "../batch/gradebook.ts";
import type { RosterMatch } from "./roster.ts";

export const DEFAULT_ASSIGNMENT = "Backprop kit";

export function canvasCsv(match: RosterMatch<Row>, assignment: string, pointsPossible: number): string {
  const header = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", assignment];
  // Canvas's export writes this row with leading spaces; its importer matches /Points Possible/.
  const points = ["    Points Possible", "", "", "", "", pointsPossible];
  const body = match.matched.map(({ entry, row }) => [
    entry.student,
    entry.id,
    entry.sis_user_id,
    entry.sis_login_id,
    entry.section,
    row && hasScore(row) ? (row.score ?? "") : "",
  ]);
  return csv([header, points, ...body]);
}
