/**
 * A scalar that remembers how it was computed, so that backward() can fill in
 * grad = dout/dthis for every Value that out depends on.
 */
export class Value {
  data: number;
  /** d(out)/d(this), filled in by out.backward(); 0 until then. */
  grad = 0;
  /** The Values this one was computed from. */
  children: Value[];
  /** Adds this node's contribution to its children's grad. */
  backwardStep: () => void = () => {};

  constructor(data: number, children: Value[] = []) {
    this.data = data;
    this.children = children;
  }

  /** this + other */
  add(other: Value | number): Value {
    // TODO
    throw new Error("not implemented: add");
  }

  /** this × other */
  mul(other: Value | number): Value {
    // TODO
    throw new Error("not implemented: mul");
  }

  /** this^k for a constant number k. */
  pow(k: number): Value {
    // TODO
    throw new Error("not implemented: pow");
  }

  /** tanh(this) */
  tanh(): Value {
    // TODO
    throw new Error("not implemented: tanh");
  }

  /** σ(this) */
  sigmoid(): Value {
    // TODO
    throw new Error("not implemented: sigmoid");
  }

  /** relu(this), with relu′(0) = 0. */
  relu(): Value {
    // TODO
    throw new Error("not implemented: relu");
  }

  /**
   * Sets this.grad = 1, then runs every node's backwardStep in reverse
   * topological order, so each node's grad is complete before it is passed on.
   */
  backward(): void {
    // TODO
    throw new Error("not implemented: backward");
  }
}
