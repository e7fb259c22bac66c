// Replaces: 09-autodiff Value
// TA: every op goes through one helper whose backward step assigns child.grad = local · out.grad instead of adding to it, so a node used twice or by several later nodes keeps only the last contribution.
// Names: autodiff-overwrite-grad
export class Value {
  data: number;
  grad = 0;
  children: Value[];
  backwardStep: () => void = () => {};

  constructor(data: number, children: Value[] = []) {
    this.data = data;
    this.children = children;
  }

  /** A new node from its inputs and the local derivative with respect to each. */
  private static node(data: number, parts: [Value, number][]): Value {
    const out = new Value(
      data,
      parts.map(([v]) => v),
    );
    out.backwardStep = () => {
      for (const [child, local] of parts) child.grad = local * out.grad;
    };
    return out;
  }

  add(other: Value | number): Value {
    const o = other instanceof Value ? other : new Value(other);
    return Value.node(this.data + o.data, [
      [this, 1],
      [o, 1],
    ]);
  }

  mul(other: Value | number): Value {
    const o = other instanceof Value ? other : new Value(other);
    return Value.node(this.data * o.data, [
      [this, o.data],
      [o, this.data],
    ]);
  }

  pow(k: number): Value {
    return Value.node(this.data ** k, [[this, k * this.data ** (k - 1)]]);
  }

  tanh(): Value {
    const t = Math.tanh(this.data);
    return Value.node(t, [[this, 1 - t * t]]);
  }

  sigmoid(): Value {
    const z = this.data;
    const s = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    return Value.node(s, [[this, s * (1 - s)]]);
  }

  relu(): Value {
    return Value.node(this.data > 0 ? this.data : 0, [[this, this.data > 0 ? 1 : 0]]);
  }

  backward(): void {
    const order: Value[] = [];
    const seen = new Set<Value>();
    const visit = (v: Value) => {
      if (seen.has(v)) return;
      seen.add(v);
      for (const c of v.children) visit(c);
      order.push(v);
    };
    visit(this);
    this.grad = 1;
    for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();
  }
}
