// Replaces: 09-autodiff Value
// TA: tanh's backward step multiplies out.grad by 1 − t instead of 1 − t² (t = tanh(x)): the square is left out.
// Names: tanh-prime-no-square
export class Value {
  data: number;
  grad = 0;
  children: Value[];
  backwardStep: () => void = () => {};

  constructor(data: number, children: Value[] = []) {
    this.data = data;
    this.children = children;
  }

  private static wrap(v: Value | number): Value {
    return v instanceof Value ? v : new Value(v);
  }

  add(other: Value | number): Value {
    const o = Value.wrap(other);
    const out = new Value(this.data + o.data, [this, o]);
    out.backwardStep = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  mul(other: Value | number): Value {
    const o = Value.wrap(other);
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
      // d/dx tanh(x) = 1 - tanh(x)
      this.grad += (1 - t) * out.grad;
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
    const out = new Value(Math.max(0, this.data), [this]);
    out.backwardStep = () => {
      this.grad += (this.data > 0 ? 1 : 0) * out.grad;
    };
    return out;
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
    order.reverse().forEach((v) => v.backwardStep());
  }
}
