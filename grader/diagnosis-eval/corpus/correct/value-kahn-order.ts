// Replaces: 09-autodiff Value
// TA: right: every op goes through one private helper that records local derivatives, and backward orders the graph by Kahn's algorithm (a node runs once all its uses have run), accumulating with +=.
// Names: none

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

  /** A new node with the given value whose step adds out.grad × local[i] to children[i]. */
  private static node(data: number, children: Value[], local: number[]): Value {
    const out = new Value(data, children);
    out.backwardStep = () => {
      children.forEach((c, i) => {
        c.grad += local[i] * out.grad;
      });
    };
    return out;
  }

  add(other: Value | number): Value {
    const o = typeof other === "number" ? new Value(other) : other;
    return Value.node(this.data + o.data, [this, o], [1, 1]);
  }

  mul(other: Value | number): Value {
    const o = typeof other === "number" ? new Value(other) : other;
    return Value.node(this.data * o.data, [this, o], [o.data, this.data]);
  }

  pow(k: number): Value {
    return Value.node(Math.pow(this.data, k), [this], [k * Math.pow(this.data, k - 1)]);
  }

  tanh(): Value {
    const t = Math.tanh(this.data);
    return Value.node(t, [this], [1 - t * t]);
  }

  sigmoid(): Value {
    const e = Math.exp(-Math.abs(this.data));
    const s = this.data >= 0 ? 1 / (1 + e) : e / (1 + e);
    return Value.node(s, [this], [s * (1 - s)]);
  }

  relu(): Value {
    const positive = this.data > 0;
    return Value.node(positive ? this.data : 0, [this], [positive ? 1 : 0]);
  }

  backward(): void {
    // Count, for every node this one depends on, how many edges lead into it from above.
    const uses = new Map<Value, number>([[this, 0]]);
    const stack: Value[] = [this];
    while (stack.length > 0) {
      const v = stack.pop()!;
      for (const c of v.children) {
        if (!uses.has(c)) {
          uses.set(c, 0);
          stack.push(c);
        }
        uses.set(c, uses.get(c)! + 1);
      }
    }
    // A node passes its grad on only after every node that uses it has added its share.
    this.grad = 1;
    const ready: Value[] = [this];
    while (ready.length > 0) {
      const v = ready.shift()!;
      v.backwardStep();
      for (const c of v.children) {
        const left = uses.get(c)! - 1;
        uses.set(c, left);
        if (left === 0) ready.push(c);
      }
    }
  }
}
