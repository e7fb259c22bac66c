/**
 * Errors the grader reports to people. Each has a stable `code` for tools and a
 * message that says which file was wrong and what to do.
 */
export class GraderError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "GraderError";
  }
}

/** A fixture, manifest or other course file that does not match its schema. */
export class InvalidFileError extends GraderError {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super("INVALID_FILE", `${file} is not valid:\n${problems.map((p) => `  ✖ ${p}`).join("\n")}`);
  }
}

/** A submission the grader will not take, with the reason. */
export class RefusedInputError extends GraderError {
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super("REFUSED", `${input}: ${reason}`);
  }
}

/** A command line that cannot be carried out. */
export class UsageError extends GraderError {
  constructor(message: string) {
    super("USAGE", message);
  }
}

/** The sealed hidden cases cannot be opened: a malformed key, the wrong key, or a changed file. */
export class SealedError extends GraderError {
  constructor(code: "BAD_KEY" | "WRONG_KEY" | "TAMPERED" | "BAD_SEALED_FILE", message: string) {
    super(code, message);
  }
}

/** Shard outputs that cannot be merged: the same submission graded in two shards, or no results at all. */
export class MergeError extends GraderError {
  constructor(message: string) {
    super("MERGE", message);
  }
}

/** The student release cannot be built as asked: course-only code reachable from it, or a bad output folder. */
export class ReleaseError extends GraderError {
  constructor(message: string) {
    super("RELEASE", message);
  }
}
