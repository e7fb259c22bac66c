/** A named wrong answer: an alternative implementation of one export, and what it gets wrong. */
export interface Misconception {
  /** Stable id, also the file name under mistakes/: e.g. delta-missing-gprime. */
  id: string;
  exercise: string;
  /** The case function whose cases it is evaluated on (as in the fixtures). */
  fn: string;
  /** The exported symbol it replaces, when not `fn` (09-autodiff's cases call `autodiff`, the export is `Value`). */
  export?: string;
  /** Names the mistake, for a student: "δ without the g′(f) factor". */
  name: string;
  /** Says what the lecture has instead, with its formula. */
  explanation: string;
  /**
   * The same mistake in the functions the lecture builds on this one, where a student may write it again: sgn(0)
   * taken as +1 in the PLA, which classifies by ŷ = sgn(wᵀx); relu′(0) = 1 in the backward step of exercise 09's
   * relu. The mistake file exports each after a `// Carried:` line, which is never pasted into a submission. Each
   * explanation speaks of that function's output, and blames no function that one case cannot tell is at fault. Only
   * functions whose output holds enough to tell the mistake apart (not predict's one ±1).
   */
  carried?: Carried[];
}

export interface Carried {
  /** When not the entry's own: relu′(0) = 1 shows in the relu of exercise 09's Value. */
  exercise?: string;
  fn: string;
  explanation: string;
}
