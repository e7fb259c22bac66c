// Replaces: 09-autodiff Value
// TA: backward builds a topological order (children before parents) but runs the steps in that order instead of reversed, so the inputs' steps run before the output's and pass on grads that are still 0.
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

  add(other: Value | number): Value {
    const that = typeof other === "number" ? new Value(other) : other;
    const out = new Value(this.data + that.data, [this, that]);
    out.backwardStep = () => {
      this.grad += 1 * out.grad;
      that.grad += 1 * out.grad;
    };
    return out;
  }

  mul(other: Value | number): Value {
    const that = typeof other === "number" ? new Value(other) : other;
    const out = new Value(this.data * that.data, [this, that]);
    out.backwardStep = () => {
      this.grad += that.data * out.grad;
      that.grad += this.data * out.grad;
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
      this.grad += (1 - out.data ** 2) * out.grad;
    };
    return out;
  }

  sigmoid(): Value {
    const x = this.data;
    const s = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    const out = new Value(s, [this]);
    out.backwardStep = () => {
      this.grad += s * (1 - s) * out.grad;
    };
    return out;
  }

  relu(): Value {
    const out = new Value(this.data > 0 ? this.data : 0, [this]);
    out.backwardStep = () => {
      if (this.data > 0) this.grad += out.grad;
    };
    return out;
  }

  backward(): void {
    const topo: Value[] = [];
    const visited = new Set<Value>();
    const build = (v: Value): void => {
      if (visited.has(v)) return;
      visited.add(v);
      v.children.forEach(build);
      topo.push(v);
    };
    build(this);
    this.grad = 1;
    for (const node of topo) {
      node.backwardStep();
    }
  }
}
