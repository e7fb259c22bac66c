// Replaces: 09-autodiff Value
// TA: backward runs the steps in depth-first pre-order from the output (a node is listed before its children are visited), which is not a topological order: a node reached first along one path runs its step before another node that uses it has added its share.
// Names: autodiff-no-topo-order
export class Value {
  data: number;
  grad = 0;
  children: Value[];
  backwardStep: () => void = () => {};

  constructor(data: number, children: Value[] = []) {
    this.data = data;
    this.children = children;
  }

  private static of(v: Value | number): Value {
    return v instanceof Value ? v : new Value(v);
  }

  add(other: Value | number): Value {
    const o = Value.of(other);
    const out = new Value(this.data + o.data, [this, o]);
    out.backwardStep = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  mul(other: Value | number): Value {
    const o = Value.of(other);
    const out = new Value(this.data * o.data, [this, o]);
    out.backwardStep = () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };
    return out;
  }

  pow(k: number): Value {
    const out = new Value(this.data ** k, [this]);
    out.backwardStep = () => {
      this.grad += k * this.data ** (k - 1) * out.grad;
    };
    return out;
  }

  tanh(): Value {
    const t = Math.tanh(this.data);
    const out = new Value(t, [this]);
    out.backwardStep = () => {
      this.grad += (1 - t * t) * out.grad;
    };
    return out;
  }

  sigmoid(): Value {
    const e = Math.exp(-Math.abs(this.data));
    const s = this.data >= 0 ? 1 / (1 + e) : e / (1 + e);
    const out = new Value(s, [this]);
    out.backwardStep = () => {
      this.grad += s * (1 - s) * out.grad;
    };
    return out;
  }

  relu(): Value {
    const out = new Value(this.data > 0 ? this.data : 0, [this]);
    out.backwardStep = () => {
      this.grad += (this.data > 0 ? 1 : 0) * out.grad;
    };
    return out;
  }

  backward(): void {
    // from the output back to the inputs: a node, then what it was computed from
    const order: Value[] = [];
    const seen = new Set<Value>();
    const visit = (v: Value) => {
      if (seen.has(v)) return;
      seen.add(v);
      order.push(v);
      for (const c of v.children) visit(c);
    };
    visit(this);
    this.grad = 1;
    for (const v of order) v.backwardStep();
  }
}
