/**
 * Value whose backward() runs the steps depth-first from the output (pre-order) instead of in
 * reverse topological order; every local derivative and every += is right.
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
    const o = other instanceof Value ? other : new Value(other);
    const out = new Value(this.data + o.data, [this, o]);
    // += so that a node used twice (x + x) collects both contributions.
    out.backwardStep = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  /** this × other */
  mul(other: Value | number): Value {
    const o = other instanceof Value ? other : new Value(other);
    const out = new Value(this.data * o.data, [this, o]);
    out.backwardStep = () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };
    return out;
  }

  /** this^k for a constant number k. */
  pow(k: number): Value {
    const out = new Value(this.data ** k, [this]);
    out.backwardStep = () => {
      this.grad += k * this.data ** (k - 1) * out.grad;
    };
    return out;
  }

  /** tanh(this) */
  tanh(): Value {
    const t = Math.tanh(this.data);
    const out = new Value(t, [this]);
    out.backwardStep = () => {
      this.grad += (1 - t * t) * out.grad;
    };
    return out;
  }

  /** σ(this) */
  sigmoid(): Value {
    const z = this.data;
    const s = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    const out = new Value(s, [this]);
    out.backwardStep = () => {
      this.grad += s * (1 - s) * out.grad;
    };
    return out;
  }

  /** relu(this), with relu′(0) = 0. */
  relu(): Value {
    const out = new Value(this.data > 0 ? this.data : 0, [this]);
    out.backwardStep = () => {
      this.grad += (this.data > 0 ? 1 : 0) * out.grad;
    };
    return out;
  }

  /**
   * Sets this.grad = 1, then walks the graph depth-first from the output and runs each node's
   * backwardStep the first time it is reached: an order that is not topological, so a node
   * reached by a short path passes its grad on before a longer path has added its share.
   */
  backward(): void {
    const seen = new Set<Value>();
    const visit = (v: Value) => {
      if (seen.has(v)) return;
      seen.add(v);
      v.backwardStep();
      for (const c of v.children) visit(c);
    };
    this.grad = 1;
    visit(this);
  }
}
