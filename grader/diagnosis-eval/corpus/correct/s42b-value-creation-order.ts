// Replaces: 09-autodiff Value
// TA: right: every Value gets an increasing creation number, and backward sorts the nodes reachable from the output by it, newest first; a node is always created after its children, so that is a reverse topological order.
// Names: none
export class Value {
  private static counter = 0;
  private readonly id: number;
  data: number;
  grad = 0;
  children: Value[];
  backwardStep: () => void = () => {};

  constructor(data: number, children: Value[] = []) {
    this.data = data;
    this.children = children;
    this.id = Value.counter++;
  }

  add(other: Value | number): Value {
    const o = other instanceof Value ? other : new Value(other);
    const out = new Value(this.data + o.data, [this, o]);
    out.backwardStep = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  mul(other: Value | number): Value {
    const o = other instanceof Value ? other : new Value(other);
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
    const z = this.data;
    const s = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
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
    const reachable = new Set<Value>([this]);
    const stack: Value[] = [this];
    while (stack.length > 0) {
      for (const c of stack.pop()!.children) {
        if (!reachable.has(c)) {
          reachable.add(c);
          stack.push(c);
        }
      }
    }
    const order = [...reachable].sort((p, q) => q.id - p.id);
    this.grad = 1;
    for (const v of order) v.backwardStep();
  }
}
