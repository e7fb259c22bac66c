import * as lecture from "../../../solutions/03-activations/activations.ts";

type Derivative = (z: number) => number;

/**
 * The reference's Value (exercise 09), whose relu, σ and tanh backward steps use the derivatives given: a mistake in
 * one of exercise 03's derivatives, carried into the backward step a student writes for it in 09. No entry of its
 * own: the entries for reluPrime, sigmoidPrime and tanhPrime load it, for 09's cases.
 */
export function carriedAutodiff(parts: { reluPrime?: Derivative; sigmoidPrime?: Derivative; tanhPrime?: Derivative }) {
  const reluPrime = parts.reluPrime ?? lecture.reluPrime;
  const sigmoidPrime = parts.sigmoidPrime ?? lecture.sigmoidPrime;
  const tanhPrime = parts.tanhPrime ?? lecture.tanhPrime;

  class Value {
    data: number;
    grad = 0;
    children: Value[];
    backwardStep: () => void = () => {};

    constructor(data: number, children: Value[] = []) {
      this.data = data;
      this.children = children;
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
      const out = new Value(lecture.tanh(this.data), [this]);
      out.backwardStep = () => {
        this.grad += tanhPrime(this.data) * out.grad;
      };
      return out;
    }

    sigmoid(): Value {
      const out = new Value(lecture.sigmoid(this.data), [this]);
      out.backwardStep = () => {
        this.grad += sigmoidPrime(this.data) * out.grad;
      };
      return out;
    }

    relu(): Value {
      const out = new Value(lecture.relu(this.data), [this]);
      out.backwardStep = () => {
        this.grad += reluPrime(this.data) * out.grad;
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
      for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();
    }
  }
  return { Value };
}
