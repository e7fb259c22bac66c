/**
 * Internal. The rule each exercise implements, in the lecture's notation, as
 * KaTeX source taken from the exercise guides (exercises/NN-topic/README.md).
 * Feedback shows it under an exercise that lost points, so a stuck student
 * sees the formula next to what went wrong.
 */
export const EXERCISE_FORMULAS: Record<string, string> = {
  "01-linear-algebra": String.raw`(\mathbf{A}\mathbf{x})_r = \sum_{c} A_{rc}\, x_c, \qquad (\mathbf{u}\mathbf{v}^{\mathsf{T}})_{ij} = u_i v_j, \qquad (\mathbf{A} \circ \mathbf{B})_{ij} = A_{ij} B_{ij}`,
  "02-perceptron": String.raw`\hat{y} = \operatorname{sgn}(\mathbf{w}^{\mathsf{T}}\mathbf{x}), \qquad \mathbf{w} \leftarrow \mathbf{w} + \eta\,(y - \hat{y})\,\mathbf{x}`,
  "03-activations": String.raw`\sigma'(z) = \sigma(z)\bigl(1 - \sigma(z)\bigr), \qquad \tanh'(z) = 1 - \tanh^2(z), \qquad \operatorname{relu}'(z) = \begin{cases} 1 & z > 0 \\ 0 & \text{otherwise} \end{cases}`,
  "04-forward": String.raw`\mathbf{f}^{[l]} = (\mathbf{W}^{[l]})^{\mathsf{T}}\mathbf{a}^{[l-1]} + \mathbf{b}^{[l]}, \qquad \mathbf{a}^{[l]} = g^{[l]}(\mathbf{f}^{[l]})`,
  "05-delta": String.raw`\boldsymbol{\delta}^{[l]} = g'(\mathbf{f}^{[l]}) \circ \left(\mathbf{W}^{[l+1]}\boldsymbol{\delta}^{[l+1]}\right), \qquad \boldsymbol{\delta}^{[L]} = g'(\mathbf{f}^{[L]}) \circ \frac{d\varepsilon}{d\hat{\mathbf{y}}}`,
  "06-gradients": String.raw`\frac{d\varepsilon}{d\mathbf{W}^{[l]}} = \mathbf{a}^{[l-1]} \left(\boldsymbol{\delta}^{[l]}\right)^{\mathsf{T}}, \qquad \frac{d\varepsilon}{d\mathbf{b}^{[l]}} = \boldsymbol{\delta}^{[l]}`,
  "07-gradient-descent": String.raw`\mathbf{W}^{[l]} \leftarrow \mathbf{W}^{[l]} - \eta\, \frac{d\varepsilon}{d\mathbf{W}^{[l]}}, \qquad \mathbf{b}^{[l]} \leftarrow \mathbf{b}^{[l]} - \eta\, \frac{d\varepsilon}{d\mathbf{b}^{[l]}}`,
  "08-gradient-check": String.raw`\frac{\partial f}{\partial x_i} \approx \frac{f(\mathbf{x} + h\,\mathbf{e}_i) - f(\mathbf{x} - h\,\mathbf{e}_i)}{2h}`,
  "09-autodiff": String.raw`\frac{d\,\text{out}}{dv} = \sum_{p \text{ uses } v} \frac{d\,\text{out}}{dp}\,\frac{\partial p}{\partial v}`,
};

/**
 * The rule each function implements, keyed by exercise and then function, from its guide's "What to implement".
 * A failure shows the rule of the function that failed, not the exercise's headline rule: a softmax failure shows
 * softmax, not σ′ and tanh′. A function without its own entry falls back to EXERCISE_FORMULAS.
 */
export const FUNCTION_FORMULAS: Record<string, Record<string, string>> = {
  "01-linear-algebra": {
    shape: String.raw`\mathbf{A} \in \mathbb{R}^{r \times c} \;\Rightarrow\; \operatorname{shape}(\mathbf{A}) = [r, c]`,
    dot: String.raw`\mathbf{w}^{\mathsf{T}}\mathbf{x} = \sum_{k=1}^{n} w_k x_k`,
    transpose: String.raw`(\mathbf{A}^{\mathsf{T}})_{cr} = a_{rc}`,
    matVec: String.raw`(\mathbf{A}\mathbf{x})_r = \sum_{c} A_{rc}\, x_c`,
    outer: String.raw`(\mathbf{u}\mathbf{v}^{\mathsf{T}})_{ij} = u_i v_j`,
    hadamard: String.raw`(\mathbf{A} \circ \mathbf{B})_{ij} = A_{ij} B_{ij}, \quad \text{for } \mathbf{A}, \mathbf{B} \text{ of the same shape}`,
  },
  "02-perceptron": {
    sgn: String.raw`\operatorname{sgn}(z) = \begin{cases} +1 & \text{if } z > 0 \\ -1 & \text{otherwise} \end{cases}`,
    predict: String.raw`\hat{y} = \operatorname{sgn}(\mathbf{w}^{\mathsf{T}}\mathbf{x})`,
    update: String.raw`\mathbf{w} \leftarrow \mathbf{w} + \eta\,(y - \hat{y})\,\mathbf{x}`,
  },
  "03-activations": {
    sigmoid: String.raw`\sigma(z) = \frac{1}{1 + e^{-z}}`,
    sigmoidPrime: String.raw`\sigma'(z) = \sigma(z)\bigl(1 - \sigma(z)\bigr)`,
    tanh: String.raw`\tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}`,
    tanhPrime: String.raw`\tanh'(z) = 1 - \tanh^2(z)`,
    relu: String.raw`\operatorname{relu}(z) = \max(0, z)`,
    reluPrime: String.raw`\operatorname{relu}'(z) = \begin{cases} 1 & z > 0 \\ 0 & \text{otherwise} \end{cases}`,
    leakyRelu: String.raw`\operatorname{leakyRelu}(z) = \begin{cases} z & z > 0 \\ \alpha z & \text{otherwise} \end{cases}, \quad \alpha = 0.01 \text{ by default}`,
    leakyReluPrime: String.raw`\operatorname{leakyRelu}'(z) = \begin{cases} 1 & z > 0 \\ \alpha & \text{otherwise} \end{cases}, \quad \alpha = 0.01 \text{ by default}`,
    identity: String.raw`\operatorname{identity}(z) = z`,
    identityPrime: String.raw`\operatorname{identity}'(z) = 1`,
    softmax: String.raw`\operatorname{softmax}(\mathbf{z})_i = \frac{e^{z_i}}{\sum_{j} e^{z_j}}`,
    softmaxJacobian: String.raw`J_{ij} = \frac{\partial s_i}{\partial z_j} = s_i\,(\delta_{ij} - s_j), \quad \mathbf{s} = \operatorname{softmax}(\mathbf{z})`,
  },
  "06-gradients": {
    weightGradient: String.raw`\frac{d\varepsilon}{d\mathbf{W}^{[l]}} = \mathbf{a}^{[l-1]} \left(\boldsymbol{\delta}^{[l]}\right)^{\mathsf{T}}`,
    loss: String.raw`\varepsilon = \tfrac12 \lVert \hat{\mathbf{y}} - \mathbf{y} \rVert^2`,
    lossGradient: String.raw`\frac{d\varepsilon}{d\hat{\mathbf{y}}} = \hat{\mathbf{y}} - \mathbf{y}`,
  },
  "08-gradient-check": {
    relativeError: String.raw`\operatorname{relErr}(a, n) = \frac{\lvert a - n \rvert}{\max(\lvert a \rvert, \lvert n \rvert)}, \qquad \operatorname{relErr}(0, 0) = 0`,
  },
};

/** The rules of the given functions (those that failed), once each, in the order given. */
export function formulasFor(exercise: string, fns: readonly string[]): { fn: string; formula: string }[] {
  const own = FUNCTION_FORMULAS[exercise] ?? {};
  const seen = new Set<string>();
  const out: { fn: string; formula: string }[] = [];
  for (const fn of fns) {
    const formula = Object.hasOwn(own, fn) ? own[fn] : EXERCISE_FORMULAS[exercise];
    if (formula === undefined || seen.has(formula)) continue;
    seen.add(formula);
    out.push({ fn, formula });
  }
  return out;
}

/**
 * Where a named misconception has a formula of its own, the correct rule to
 * set against it. Keyed by misconception id; absent ids fall back to the
 * exercise's formula.
 */
export const DIAGNOSIS_FORMULAS: Record<string, string> = {
  "delta-missing-gprime": String.raw`\boldsymbol{\delta}^{[l]} = \underbrace{g'(\mathbf{f}^{[l]})}_{\text{left out}} \circ \left(\mathbf{W}^{[l+1]}\boldsymbol{\delta}^{[l+1]}\right)`,
};
