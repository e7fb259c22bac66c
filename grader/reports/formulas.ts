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
 * Where a named misconception has a formula of its own, the correct rule to
 * set against it. Keyed by misconception id; absent ids fall back to the
 * exercise's formula.
 */
export const DIAGNOSIS_FORMULAS: Record<string, string> = {
  "delta-missing-gprime": String.raw`\boldsymbol{\delta}^{[l]} = \underbrace{g'(\mathbf{f}^{[l]})}_{\text{left out}} \circ \left(\mathbf{W}^{[l+1]}\boldsymbol{\delta}^{[l+1]}\right)`,
};
