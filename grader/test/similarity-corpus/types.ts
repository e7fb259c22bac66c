// The corpus files import "../types" as a submission's exercise files do; this is that file.
export type * from "../../../exercises/types.ts";
