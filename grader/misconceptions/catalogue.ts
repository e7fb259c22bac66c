/**
 * The catalogue of named misconceptions, in the order they are tried. Each
 * entry's wrong implementation is grader/misconceptions/mistakes/<id>.ts.
 * Trusted side only: the student release carries no mistake code.
 */
import type { Misconception } from "./types.ts";

export const CATALOGUE: Misconception[] = [
  {
    id: "sgn-zero-positive",
    exercise: "02-perceptron",
    fn: "sgn",
    name: "sgn(0) taken as +1",
    explanation:
      "Your sgn returns +1 at z = 0. The lecture's sgn(z) is +1 only when z > 0 and −1 otherwise, so sgn(0) = −1 and a point on the boundary wᵀx = 0 is predicted −1.",
    carried: [
      {
        fn: "pla",
        explanation:
          "Your PLA runs as the lecture's would with sgn(0) taken as +1: a point on the boundary wᵀx = 0 counts as predicted +1. The lecture's ŷ = sgn(wᵀx) has sgn(0) = −1, so such a point with y = +1 is misclassified and is updated on. Look where your PLA classifies: sgn, predict, or a test of its own.",
      },
    ],
  },
  {
    id: "perceptron-update-sign",
    exercise: "02-perceptron",
    fn: "update",
    name: "perceptron update with (ŷ − y)",
    explanation:
      "Your update moves w by η(ŷ − y)x, away from the misclassified instance. The lecture's rule is w ← w + η(y − ŷ)x: for y = +1 and ŷ = −1 it adds 2ηx.",
    carried: [
      {
        fn: "pla",
        explanation:
          "Your PLA runs as the lecture's would with each update's sign reversed, w ← w + η(ŷ − y)x, which moves w away from the misclassified instance. The lecture's rule is w ← w + η(y − ŷ)x: for y = +1 and ŷ = −1 it adds 2ηx. Look where your PLA updates: update, or an update of its own.",
      },
    ],
  },
  {
    id: "pla-update-all",
    exercise: "02-perceptron",
    fn: "pla",
    name: "PLA updating on every misclassified instance",
    explanation:
      "Your PLA updates on every misclassified instance in a sweep. The lecture's step 3 selects one misclassified instance, the first (lowest index), updates w ← w + η(y − ŷ)x on it alone, then classifies everything again (step 2).",
  },
  {
    id: "pla-limit-before-convergence",
    exercise: "02-perceptron",
    fn: "pla",
    name: "PLA checking the iteration limit before convergence",
    explanation:
      "Your PLA stops at maxIterations without first classifying the data again, so weights that separate it on the last allowed update are reported as not converged. The lecture's step 4 stops at convergence or at the maximum number of iterations: check for convergence first.",
  },
  {
    id: "sigmoid-prime-output-form",
    exercise: "03-activations",
    fn: "sigmoidPrime",
    name: "σ′(z) computed as z(1 − z)",
    explanation:
      "Your σ′(z) is z(1 − z). The form a(1 − a) holds for the activation a = σ(z), not for z: the derivative is σ′(z) = σ(z)(1 − σ(z)).",
    carried: [
      {
        exercise: "09-autodiff",
        fn: "autodiff",
        explanation:
          "Your sigmoid's backward step multiplies the grad by x(1 − x), with x the node's input. The form a(1 − a) holds for the output a = σ(x), not for x: the derivative is σ′(x) = σ(x)(1 − σ(x)), so the step adds σ(x)(1 − σ(x)) · out.grad.",
      },
    ],
  },
  {
    id: "tanh-prime-no-square",
    exercise: "03-activations",
    fn: "tanhPrime",
    name: "tanh′ without the square",
    explanation: "Your tanh′(z) is 1 − tanh(z). The derivative is tanh′(z) = 1 − tanh(z)², with the square.",
    carried: [
      {
        exercise: "09-autodiff",
        fn: "autodiff",
        explanation:
          "Your tanh's backward step multiplies the grad by 1 − tanh(x), without the square. The derivative is tanh′(x) = 1 − tanh(x)², so the step adds (1 − t²) · out.grad, with t = tanh(x).",
      },
    ],
  },
  {
    id: "relu-prime-zero-one",
    exercise: "03-activations",
    fn: "reluPrime",
    name: "relu′(0) taken as 1",
    explanation:
      "Your relu′ returns 1 at z = 0. relu′(z) = 1 if z > 0, otherwise 0, so relu′(0) = 0, as PyTorch and TensorFlow define it.",
    carried: [
      {
        exercise: "09-autodiff",
        fn: "autodiff",
        explanation:
          "Your relu's backward step passes the grad on where the node's input is 0, as if relu′(0) = 1. relu′(z) = 1 if z > 0, otherwise 0, so relu′(0) = 0, as PyTorch and TensorFlow define it: a relu at 0 passes no grad back.",
      },
    ],
  },
  {
    id: "leaky-relu-prime-zero",
    exercise: "03-activations",
    fn: "leakyReluPrime",
    name: "leaky relu′(0) taken as 0",
    explanation:
      "Your leaky relu′ returns 0 at z = 0. leakyRelu′(z) = 1 if z > 0, otherwise α, so leakyRelu′(0) = α: the leak has no gap at 0.",
  },
  {
    id: "leaky-relu-alpha-ignored",
    exercise: "03-activations",
    fn: "leakyReluPrime",
    name: "leaky relu′ ignoring the given α",
    explanation:
      "Your leaky relu′ always uses the slope 0.01. leakyRelu′(z) = α for z ≤ 0, with the α that is passed in; 0.01 is only its default.",
  },
  {
    id: "softmax-naive",
    exercise: "03-activations",
    fn: "softmax",
    name: "softmax that overflows",
    explanation:
      "Your softmax overflows: an exponent as large as 1000 makes e^(…) ∞, and ∞/∞ is NaN. softmax(z) = softmax(z − c) for any constant c (the lecture's σ(z) = e^z / 1ᵀe^z): subtract max(z) first, so every exponent is ≤ 0; no other shift guarantees that.",
  },
  {
    id: "forward-no-bias",
    exercise: "04-forward",
    fn: "forward",
    name: "the bias left out of f",
    explanation:
      "Your f^[l] is (W^[l])ᵀ a^[l-1] without the bias. The lecture's weighted input is f^[l] = (W^[l])ᵀ a^[l-1] + b^[l].",
  },
  {
    id: "forward-w-not-transposed",
    exercise: "04-forward",
    fn: "forward",
    name: "forward pass with W instead of Wᵀ",
    explanation:
      "Your f^[l] is W^[l] a^[l-1] + b^[l]. W^[l] is n_{l-1} × n_l, so the lecture's f^[l] = (W^[l])ᵀ a^[l-1] + b^[l]: unit j of layer l reads column j of W^[l], not row j.",
  },
  {
    id: "delta-missing-gprime",
    exercise: "05-delta",
    fn: "deltas",
    name: "δ without the g′(f) factor",
    explanation:
      "Your δ is what you get when the factor g′(f^[l]) is left out. The lecture's recursion is δ^[l] = g′(f^[l]) ∘ (W^[l+1] δ^[l+1]), starting from δ^[L] = g′(f^[L]) ∘ dε/dŷ.",
  },
  {
    id: "delta-output-no-gprime",
    exercise: "05-delta",
    fn: "deltas",
    name: "output δ^[L] without g′(f^[L])",
    explanation:
      "Your δ^[L] is dε/dŷ itself. The lecture's output layer also has its activation's derivative: δ^[L] = g′(f^[L]) ∘ dε/dŷ, and the recursion δ^[l] = g′(f^[l]) ∘ (W^[l+1] δ^[l+1]) carries that factor back.",
  },
  {
    id: "delta-gprime-of-a",
    exercise: "05-delta",
    fn: "deltas",
    name: "g′ evaluated at a instead of f",
    explanation:
      "Your δ evaluates g′ at the activation a^[l] = g(f^[l]), e.g. σ′(σ(f)). The lecture's δ^[l] = g′(f^[l]) ∘ (W^[l+1] δ^[l+1]) takes g′ at the weighted input f^[l]; a(1 − a) is σ′(f) written in terms of a, not σ′ applied to a.",
  },
  {
    id: "delta-w-transposed",
    exercise: "05-delta",
    fn: "deltas",
    name: "W^[l+1] transposed in the δ recursion",
    explanation:
      "Your δ uses (W^[l+1])ᵀ δ^[l+1]. W^[l+1] is n_l × n_{l+1}, so the lecture's δ^[l] = g′(f^[l]) ∘ (W^[l+1] δ^[l+1]) uses W^[l+1] as it is: entry r sums row r, Σ_j W^[l+1][r][j] δ^[l+1]_j.",
  },
  {
    id: "grad-transposed",
    exercise: "06-gradients",
    fn: "weightGradient",
    name: "weight gradient transposed (δ aᵀ)",
    explanation:
      "Your weight gradient is δ^[l] (a^[l-1])ᵀ, shaped n_l × n_{l-1}. The lecture's dε/dW^[l] = a^[l-1] (δ^[l])ᵀ has the shape of W^[l], n_{l-1} × n_l.",
  },
  {
    id: "loss-gradient-sign",
    exercise: "06-gradients",
    fn: "lossGradient",
    name: "dε/dŷ with the wrong sign (y − ŷ)",
    explanation:
      "Your dε/dŷ is y − ŷ. For ε = ½‖ŷ − y‖² the chain rule gives dε/dŷ = ŷ − y: the error grows as ŷ moves away from y.",
  },
  {
    id: "grad-uses-a-l",
    exercise: "06-gradients",
    fn: "gradients",
    name: "a^[l] in place of a^[l−1] in the weight gradient",
    explanation:
      "Your dε/dW^[l] uses the layer's own activation a^[l]. The lecture's dε/dW^[l] = a^[l-1] (δ^[l])ᵀ uses the layer's input a^[l-1] (x for the first layer), because f^[l] = (W^[l])ᵀ a^[l-1] + b^[l].",
  },
  {
    id: "sgd-ascent",
    exercise: "07-gradient-descent",
    fn: "sgdStep",
    name: "gradient ascent (+η) instead of descent",
    explanation:
      "Your step adds η∇ε, which climbs the error. The lecture's update is W ← W − η∇ε (and b ← b − η dε/db): against the gradient.",
  },
  {
    id: "train-loss-before-epoch",
    exercise: "07-gradient-descent",
    fn: "train",
    name: "loss recorded before the epoch instead of after",
    explanation:
      "Your losses[e] is the mean ε = ½‖ŷ − y‖² before epoch e's steps, so the list lags one epoch behind. Record it after the epoch's last step W ← W − η∇ε.",
  },
  {
    id: "numgrad-forward-difference",
    exercise: "08-gradient-check",
    fn: "numericalGradient",
    name: "forward differences instead of central ones",
    explanation:
      "Your gradient is (f(x + h e_i) − f(x)) / h, whose error shrinks only like h. Central differences, ∂f/∂x_i ≈ (f(x + h e_i) − f(x − h e_i)) / (2h), are accurate to O(h²).",
  },
  {
    id: "relerr-no-guard",
    exercise: "08-gradient-check",
    fn: "relativeError",
    name: "relative error without the both-zero guard",
    explanation:
      "Your relative error divides 0 by 0 when both values are 0. |a − n| / max(|a|, |n|) is 0 when a = n = 0: return 0 before dividing.",
  },
  {
    id: "relerr-no-max",
    exercise: "08-gradient-check",
    fn: "relativeError",
    name: "relative error scaled by the smaller value",
    explanation:
      "Your relative error divides |a − n| by the smaller of |a| and |n| here, as |a − n| / |a| does wherever |a| < |n| and as min(|a|, |n|) does everywhere: too large whenever the two sizes differ, ∞ where that value is 0, and, for |a| alone, dependent on which value is called analytic. The lecture's relative error is |a − n| / max(|a|, |n|), with the larger of the two.",
  },
  {
    id: "autodiff-overwrite-grad",
    exercise: "09-autodiff",
    fn: "autodiff",
    export: "Value",
    name: "a reused node keeps only its last gradient (grad = instead of +=)",
    explanation:
      "Your backward steps assign grad = … so a node used twice keeps only the last contribution. The chain rule sums over every path, d out/dv = Σ_p (d out/dp)(∂p/∂v): each step must add, grad += ….",
  },
  {
    id: "autodiff-no-topo-order",
    exercise: "09-autodiff",
    fn: "autodiff",
    export: "Value",
    name: "backward steps not in topological order",
    explanation:
      "Your backward runs a node's step before every node that uses it has added its share, so an incomplete grad is passed on. The lecture computes δ^[l] from δ^[l+1], back to front: run the steps in reverse topological order.",
  },
];
