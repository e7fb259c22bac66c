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
   * The same mistake in the functions that the lecture builds on this one (ŷ = sgn(wᵀx), so sgn(0) taken as +1 shows
   * in predict and in the PLA; relu′ in the backward step of exercise 09's relu), which a student may write inline. The mistake file exports
   * each, after a `// Carried:` line (never pasted into a submission); each explanation speaks of that function, and
   * never says which function the mistake is in, which one case cannot tell.
   */
  carried?: Carried[];
}

export interface Carried {
  /** When not the entry's own: relu′(0) = 1 shows in the relu of exercise 09's Value. */
  exercise?: string;
  fn: string;
  explanation: string;
}
