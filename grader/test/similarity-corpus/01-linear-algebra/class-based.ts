import type { Matrix, Vector } from "../types";

class ShapeError extends Error {
  constructor(op: string, left: string, right: string) {
    super(`${op}: incompatible ${left} and ${right}`);
  }
}

class Mat {
  constructor(readonly entries: Matrix) {}

  get height(): number {
    return this.entries.length;
  }

  get width(): number {
    return this.height === 0 ? 0 : this.entries[0].length;
  }

  get label(): string {
    return `${this.height}×${this.width}`;
  }

  checkRectangular(): this {
    this.entries.forEach((row, i) => {
      if (row.length !== this.width) throw new Error(`row ${i} is ${row.length} wide, not ${this.width}`);
    });
    return this;
  }

  column(j: number): Vector {
    return this.entries.map((row) => row[j]);
  }
}

export function shape(A: Matrix): [number, number] {
  const m = new Mat(A).checkRectangular();
  return [m.height, m.width];
}

export function dot(w: Vector, x: Vector): number {
  if (w.length !== x.length) throw new ShapeError("dot", `length ${w.length}`, `length ${x.length}`);
  let s = 0;
  w.forEach((wi, i) => (s += wi * x[i]));
  return s;
}

export function transpose(A: Matrix): Matrix {
  const m = new Mat(A).checkRectangular();
  const cols: Matrix = [];
  for (let j = 0; j < m.width; j++) cols.push(m.column(j));
  return cols;
}

export function matVec(A: Matrix, x: Vector): Vector {
  const m = new Mat(A).checkRectangular();
  if (m.height > 0 && m.width !== x.length) throw new ShapeError("matVec", m.label, `length ${x.length}`);
  return m.entries.map((row) => dot(row, x));
}

export function outer(u: Vector, v: Vector): Matrix {
  return Array.from(u, (ui) => Array.from(v, (vj) => ui * vj));
}

export function hadamard<T extends Vector | Matrix>(A: T, B: T): T {
  const matrices = Array.isArray(A[0]) || Array.isArray(B[0]);
  if (!matrices) {
    if (A.length !== B.length) throw new ShapeError("hadamard", `${A.length}`, `${B.length}`);
    return (A as Vector).map((a, i) => a * (B as Vector)[i]) as T;
  }
  const left = new Mat(A as Matrix);
  const right = new Mat(B as Matrix);
  const same =
    left.height === right.height &&
    left.entries.every(
      (row, i) => Array.isArray(row) && Array.isArray(right.entries[i]) && row.length === right.entries[i].length,
    );
  if (!same) throw new ShapeError("hadamard", left.label, right.label);
  return left.entries.map((row, i) => row.map((v, j) => v * right.entries[i][j])) as T;
}
