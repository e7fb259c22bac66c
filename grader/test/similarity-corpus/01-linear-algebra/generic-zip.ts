import type { Matrix, Vector } from "../types";

function zipWith<A, B, C>(as: A[], bs: B[], f: (a: A, b: B, i: number) => C): C[] {
  const n = Math.min(as.length, bs.length);
  const out: C[] = [];
  for (let i = 0; i < n; i++) out.push(f(as[i], bs[i], i));
  return out;
}

function shapeText(t: Vector | Matrix): string {
  return t.length && Array.isArray(t[0]) ? `${t.length}×${(t as Matrix)[0].length}` : `${t.length}`;
}

export function dot(w: Vector, x: Vector): number {
  if (w.length !== x.length) throw new Error(`dot of ${w.length}-vector with ${x.length}-vector`);
  return zipWith(w, x, (a, b) => a * b).reduce((p, q) => p + q, 0);
}

export function hadamard<T extends Vector | Matrix>(A: T, B: T): T {
  const problem = new Error(`hadamard of ${shapeText(A)} with ${shapeText(B)}`);
  if (A.length !== B.length) throw problem;
  const rows = zipWith(A as unknown[], B as unknown[], (a, b) => {
    if (typeof a === "number" && typeof b === "number") return a * b;
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) return zipWith(a, b, (p, q) => p * q);
    throw problem;
  });
  return rows as T;
}

export function outer(u: Vector, v: Vector): Matrix {
  return u.map((ui) => zipWith(v, v, (vj) => ui * vj));
}

export function shape(A: Matrix): [number, number] {
  const lengths = A.map((row) => row.length);
  if (lengths.some((n) => n !== lengths[0])) throw new Error(`row lengths ${lengths.join("/")}`);
  return [A.length, lengths[0] ?? 0];
}

export function matVec(A: Matrix, x: Vector): Vector {
  const [r, c] = shape(A);
  if (r > 0 && c !== x.length) throw new Error(`matVec of ${r}×${c} with ${x.length}-vector`);
  return A.map((row) => zipWith(row, x, (a, b) => a * b).reduce((p, q) => p + q, 0));
}

export function transpose(A: Matrix): Matrix {
  const [, c] = shape(A);
  const result: Matrix = [];
  for (let j = 0; j < c; j++) result.push(A.map((row) => row[j]));
  return result;
}
