/**
 * Type bombs, for the type checker's tests (typecheck-bombs.test.ts, typecheck-domain.test.ts) and the trust class:
 * types of a few hundred bytes, each costly for TypeScript's compiler in its own way, and what the checker says
 * when its limits stop one.
 */
import { readFileSync } from "node:fs";
import { TypeChecker, type TypeCheck } from "../check/typecheck.ts";
import { readExerciseFiles } from "../engine/grade.ts";
import { paths } from "../paths.ts";
import type { ExerciseFiles } from "../sandbox/compile.ts";
import { TEST_TYPECHECK_LIMITS } from "./typecheck-limits.ts";

/** Small enough that a class of bombs takes seconds; an honest check needs well under half of each. */
export const LIMITS = TEST_TYPECHECK_LIMITS;
/** What the checker says when one of LIMITS stops a check. */
export const STOPPED_BY = [
  `it took more than ${LIMITS.cpuMs / 1000} s of CPU time`,
  `it needed more than ${LIMITS.memoryBytes / 2 ** 20} MB of memory`,
  `it ran longer than ${LIMITS.wallMs / 1000} s`,
];

const N24 = `[${Array(24).fill(0).join(", ")}]`;

/** The types of the bomb "tail-recursive instantiations of growing tuples", which the trust class uses too. */
export const TUPLE_TYPES = `
type BombL<N extends unknown[], T> = N["length"] extends 990 ? T : BombL<[...N, T], T>;
type BombA<T> = [BombL<[], T>, BombL<[], [T]>, BombL<[], [[T]]>, BombL<[], [[[T]]]>];
type BombB<T> = [BombA<T>, BombA<[T]>, BombA<{ x: T }>, BombA<T[]>];
type BombC<T> = [BombB<T>, BombB<1>, BombB<2>, BombB<3>, BombB<4>, BombB<5>, BombB<6>, BombB<7>];
export type BombZ = [BombC<0>, BombC<"a">, BombC<true>, BombC<null>];`;

/**
 * Types and one function that is never called (so grading is unchanged), each costly for the compiler in its own
 * way: the function's return makes the compiler relate the two types.
 */
export const BOMBS: Record<string, string> = {
  "a recursive template literal that doubles a string": `
type Dbl<S extends string, N extends unknown[]> = N["length"] extends 27 ? S : Dbl<\`\${S}\${S}\`, [...N, 0]>;
export function bombCheck(s: Dbl<"ab", []>): number {
  return s;
}`,
  "a huge union built by template literals": `
type BombD = "a" | "b" | "c" | "d" | "e" | "f" | "g" | "h";
type BombP<S extends string, N extends unknown[]> = N["length"] extends 6 ? S : BombP<\`\${S}\${BombD}\` | S, [...N, 0]>;
export function bombCheck(u: BombP<"", []>): BombP<"x", []> {
  return u;
}`,
  "mapped types over a 10 000-member union, compared": `
type BombD = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
type BombU = \`\${BombD}\${BombD}\${BombD}\${BombD}\`;
type BombM<X> = { [K in BombU]: { [J in BombU]: [K, J, X] } };
export function bombCheck(m: BombM<0>): BombM<1> {
  return m;
}`,
  "tail-recursive instantiations of growing tuples": `${TUPLE_TYPES}
export function bombCheck(z: BombZ): number {
  return z;
}`,
  "deep conditional types that infer at every level": `
type BombDeep<T, N extends unknown[]> = N["length"] extends 40
  ? T
  : T extends [infer A, infer B]
    ? BombDeep<[B, [A]], [...N, 0]> extends infer X ? BombDeep<[X, B], [...N, 0]> : never
    : never;
export function bombCheck(d: BombDeep<[1, 2], []>): BombDeep<[2, 1], []> {
  return d;
}`,
  "an exponential tree of conditional types, compared": `
type BombF<N extends unknown[], Acc> = N extends [unknown, ...infer R] ? [BombF<R, [Acc, 0]>, BombF<R, [Acc, 1]>] : Acc;
export function bombCheck(f: BombF<${N24}, 0>): BombF<${N24}, 1> {
  return f;
}`,
  "an instantiation-depth bomb: a type that never ends": `
type BombI<T> = { next: BombI<[T, T]>; value: T };
type BombWalk<T, N extends unknown[]> = N["length"] extends 60 ? T : BombWalk<T extends { next: infer X } ? X : never, [...N, 0]>;
export function bombCheck(i: BombWalk<BombI<0>, []>): BombWalk<BombI<1>, []> {
  return i;
}`,
  "string literal arithmetic on a million digits": `
type BombRep<S extends string, N extends unknown[]> = N["length"] extends 20 ? S : BombRep<\`\${S}\${S}\`, [...N, 0]>;
type BombSplit<S extends string> = S extends \`\${infer H}\${infer R}\` ? [H, ...BombSplit<R>] : [];
export type BombLen = BombSplit<BombRep<"9", []>>["length"];
export function bombCheck(): BombLen {
  return 1;
}`,
};

/** The reference solutions with `bomb` appended to `file`. */
export function withBomb(clean: ExerciseFiles, bomb: string, file = "05-delta/delta.ts"): ExerciseFiles {
  const files = new Map(clean);
  files.set(file, `${String(files.get(file))}\n${bomb}\n`);
  return files;
}

/** A checker under LIMITS, the reference solutions, the same with one honest type error, and what it says of those. */
export interface BombSession {
  checker: TypeChecker;
  clean: ExerciseFiles;
  honest: ExerciseFiles;
  expectedHonest: TypeCheck;
}

export async function openBombSession(): Promise<BombSession> {
  const checker = await TypeChecker.open(LIMITS, { store: null });
  if (!(checker instanceof TypeChecker)) throw new Error(checker.unavailable);
  const clean = await readExerciseFiles(paths.solutions);
  const honest = new Map(clean);
  honest.set("05-delta/delta.ts", `${String(clean.get("05-delta/delta.ts"))}\nexport const wrong: string = 1;\n`);
  return { checker, clean, honest, expectedHonest: await checker.check(honest) };
}

/** Processes under this one running TypeScript's compiler: none may be left behind. */
export function compilers(): number[] {
  const found = [process.pid];
  for (let i = 0; i < found.length; i++) {
    try {
      found.push(
        ...readFileSync(`/proc/${found[i]}/task/${found[i]}/children`, "utf8").split(" ").filter(Boolean).map(Number),
      );
    } catch {
      // Gone.
    }
  }
  return found.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--api");
    } catch {
      return false;
    }
  });
}
