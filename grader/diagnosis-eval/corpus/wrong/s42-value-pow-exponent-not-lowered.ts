// Replaces: 09-autodiff Value
// TA: pow's backward step uses k·x^k instead of k·x^(k−1) (the exponent not lowered), so every grad that flows through a pow is x times too big.
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
    if (!(other instanceof Value)) other = new Value(other);
    const rhs = other;
    const result = new Value(this.data + rhs.data, [this, rhs]);
    result.backwardStep = () => {
      this.grad += result.grad;
      rhs.grad += result.grad;
    };
    return result;
  }

  mul(other: Value | number): Value {
    if (!(other instanceof Value)) other = new Value(other);
    const rhs = other;
    const result = new Value(this.data * rhs.data, [this, rhs]);
    result.backwardStep = () => {
      this.grad += rhs.data * result.grad;
      rhs.grad += this.data * result.grad;
    };
    return result;
  }

  pow(k: number): Value {
    const result = new Value(this.data ** k, [this]);
    result.backwardStep = () => {
      this.grad += k * result.data * result.grad;
    };
    return result;
  }

  tanh(): Value {
    const t = Math.tanh(this.data);
    const result = new Value(t, [this]);
    result.backwardStep = () => {
      this.grad += (1 - t * t) * result.grad;
    };
    return result;
  }

  sigmoid(): Value {
    const x = this.data;
    const s = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    const result = new Value(s, [this]);
    result.backwardStep = () => {
      this.grad += s * (1 - s) * result.grad;
    };
    return result;
  }

  relu(): Value {
    const result = new Value(this.data > 0 ? this.data : 0, [this]);
    result.backwardStep = () => {
      this.grad += this.data > 0 ? result.grad : 0;
    };
    return result;
  }

  backward(): void {
    const sorted: Value[] = [];
    const marked = new Set<Value>();
    function dfs(node: Value) {
      if (marked.has(node)) return;
      marked.add(node);
      for (const child of node.children) dfs(child);
      sorted.push(node);
    }
    dfs(this);
    this.grad = 1;
    for (let i = sorted.length - 1; i >= 0; i--) sorted[i].backwardStep();
  }
}
