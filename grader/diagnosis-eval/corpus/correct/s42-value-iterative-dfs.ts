// Replaces: 09-autodiff Value
// TA: right: backward builds the post-order with an explicit stack (a node is emitted after all its children), then runs the steps from the output down; a number operand is lifted by one helper.
// Names: none
export class Value {
  data: number;
  grad = 0;
  children: Value[];
  backwardStep: () => void = () => {};

  constructor(data: number, children: Value[] = []) {
    this.data = data;
    this.children = children;
  }

  private static lift(v: Value | number): Value {
    return typeof v === "number" ? new Value(v) : v;
  }

  add(other: Value | number): Value {
    const o = Value.lift(other);
    const out = new Value(this.data + o.data, [this, o]);
    out.backwardStep = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  mul(other: Value | number): Value {
    const o = Value.lift(other);
    const out = new Value(this.data * o.data, [this, o]);
    out.backwardStep = () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };
    return out;
  }

  pow(k: number): Value {
    const x = this.data;
    const out = new Value(x ** k, [this]);
    out.backwardStep = () => {
      this.grad += k * x ** (k - 1) * out.grad;
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
    const on = this.data > 0;
    const out = new Value(on ? this.data : 0, [this]);
    out.backwardStep = () => {
      if (on) this.grad += out.grad;
    };
    return out;
  }

  backward(): void {
    const order: Value[] = [];
    const expanded = new Set<Value>();
    const stack: [Value, boolean][] = [[this, false]];
    while (stack.length > 0) {
      const [v, childrenDone] = stack.pop()!;
      if (childrenDone) {
        order.push(v);
        continue;
      }
      if (expanded.has(v)) continue;
      expanded.add(v);
      stack.push([v, true]);
      for (const c of v.children) if (!expanded.has(c)) stack.push([c, false]);
    }
    this.grad = 1;
    for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();
  }
}
