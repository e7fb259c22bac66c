// Replaces: 09-autodiff Value
// TA: right: the depth-first search marks a node as done only after its children, which in a graph without cycles still visits each node once and lists it after all its children; ops take the local derivative from the output's data (t, s).
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

  add(other: Value | number): Value {
    const o = typeof other === "number" ? new Value(other) : other;
    const out = new Value(this.data + o.data, [this, o]);
    out.backwardStep = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  mul(other: Value | number): Value {
    const o = typeof other === "number" ? new Value(other) : other;
    const out = new Value(this.data * o.data, [this, o]);
    out.backwardStep = () => {
      const g = out.grad;
      this.grad += o.data * g;
      o.grad += this.data * g;
    };
    return out;
  }

  pow(k: number): Value {
    const out = new Value(Math.pow(this.data, k), [this]);
    out.backwardStep = () => {
      this.grad += k * Math.pow(this.data, k - 1) * out.grad;
    };
    return out;
  }

  tanh(): Value {
    const out = new Value(Math.tanh(this.data), [this]);
    out.backwardStep = () => {
      this.grad += (1 - out.data * out.data) * out.grad;
    };
    return out;
  }

  sigmoid(): Value {
    const z = this.data;
    const out = new Value(z >= 0 ? 1 / (1 + Math.exp(-z)) : 1 - 1 / (1 + Math.exp(z)), [this]);
    out.backwardStep = () => {
      this.grad += out.data * (1 - out.data) * out.grad;
    };
    return out;
  }

  relu(): Value {
    const out = new Value(Math.max(0, this.data), [this]);
    out.backwardStep = () => {
      if (this.data > 0) this.grad += out.grad;
    };
    return out;
  }

  backward(): void {
    const done = new Set<Value>();
    const order: Value[] = [];
    const visit = (v: Value): void => {
      if (done.has(v)) return;
      v.children.forEach(visit);
      done.add(v);
      order.push(v);
    };
    visit(this);
    this.grad = 1;
    order.reverse();
    for (const v of order) v.backwardStep();
  }
}
