/**
 * The names and one-line explanations of the relations (relations.ts and the
 * layer steps), each tied to the rule of the function it breaks, in the
 * lecture's notation.
 */
import { formatNumber } from "../engine/describe.ts";

/** What a view's wrong value was found to be. `k`: the constant of "scaled"; `offset`: layers away for "layer". */
export interface Found {
  rel: string;
  k?: number;
  offset?: number;
}

/** The rule each function implements, quoted by every explanation. */
export const RULE: Record<string, string> = {
  forward: "f^[l] = (W^[l])ᵀ a^[l-1] + b^[l] and a^[l] = g^[l](f^[l])",
  deltas: "δ^[L] = g′(f^[L]) ∘ dε/dŷ and δ^[l] = g′(f^[l]) ∘ (W^[l+1] δ^[l+1])",
  gradients: "dε/dW^[l] = a^[l-1] (δ^[l])ᵀ and dε/db^[l] = δ^[l], from δ^[L] = g′(f^[L]) ∘ (ŷ − y)",
  sgdStep: "W^[l] ← W^[l] − η dε/dW^[l] and b^[l] ← b^[l] − η dε/db^[l]",
  weightGradient: "dε/dW^[l] = a^[l-1] (δ^[l])ᵀ",
  loss: "ε = ½‖ŷ − y‖²",
  lossGradient: "dε/dŷ = ŷ − y for ε = ½‖ŷ − y‖²",
  train: "per instance, W ← W − η dε/dW; losses[e] is the mean ε after epoch e + 1",
  dot: "wᵀx = Σ_r w_r x_r",
  transpose: "(Aᵀ)[c][r] = A[r][c], so an m × n matrix becomes n × m",
  matVec: "(A x)_r = Σ_c A[r][c] x_c",
  outer: "u vᵀ has entry [r][c] = u_r v_c",
  hadamard: "(A ∘ B)[r][c] = A[r][c] B[r][c]",
  update: "w ← w + η(y − ŷ)x",
  sigmoid: "σ(z) = 1 / (1 + e^(−z))",
  sigmoidPrime: "σ′(z) = σ(z)(1 − σ(z))",
  tanh: "tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z))",
  tanhPrime: "tanh′(z) = 1 − tanh(z)²",
  relu: "relu(z) = max(0, z)",
  reluPrime: "relu′(z) = 1 if z > 0, otherwise 0",
  leakyRelu: "leakyRelu(z) = z if z > 0, otherwise αz",
  leakyReluPrime: "leakyRelu′(z) = 1 if z > 0, otherwise α",
  identity: "identity(z) = z",
  identityPrime: "identity′(z) = 1",
  softmax: "softmax(z)_i = e^(z_i) / Σ_j e^(z_j)",
  softmaxJacobian: "J[i][j] = s_i(δ_ij − s_j) with s = softmax(z)",
  numericalGradient: "∂f/∂x_i ≈ (f(x + h e_i) − f(x − h e_i)) / (2h)",
  relativeError: "|a − n| / max(|a|, |n|)",
  autodiff: "d out/dv = Σ_p (d out/dp)(∂p/∂v), summed over every node p that uses v",
};

/** The sibling whose derivative each activation derivative may be copied from (layers.ts). */
const SIBLING: Record<string, string> = {
  sigmoidPrime: "tanh′",
  tanhPrime: "σ′",
  reluPrime: "leaky relu′ with α = 0.01",
  leakyReluPrime: "relu′",
};

/** Functions that return one number. */
const SCALAR = new Set(["loss", "relativeError", "dot"]);

/** Functions whose values come from ε = ½‖ŷ − y‖², where a factor of 2 or ½ points at the ½. */
const FROM_LOSS = new Set(["loss", "lossGradient", "gradients", "deltas", "train"]);

export function ruleOf(fn: string): string {
  return RULE[fn] ?? "the formula in the exercise's README";
}

/** Relation ids that are a catalogued mistake of the function, so both are named alike. */
export const CATALOGUED: Record<string, Record<string, string>> = {
  forward: { "no-bias": "forward-no-bias", "w-not-transposed": "forward-w-not-transposed" },
  deltas: {
    "no-gprime": "delta-missing-gprime",
    "gprime-of-a": "delta-gprime-of-a",
    "w-transposed": "delta-w-transposed",
  },
  gradients: {
    "no-gprime": "delta-missing-gprime",
    "gprime-of-a": "delta-gprime-of-a",
    "w-transposed": "delta-w-transposed",
    "uses-a-l": "grad-uses-a-l",
    "dw-transposed": "grad-transposed",
    "loss-sign": "loss-gradient-sign",
  },
  sgdStep: { ascent: "sgd-ascent" },
  weightGradient: { "dw-transposed": "grad-transposed" },
  lossGradient: { negated: "loss-gradient-sign" },
};

function scaleHint(k: number, fn: string): string {
  const is = (n: number) => Math.abs(k - n) < 1e-9;
  if (fn === "numericalGradient" && is(2)) return " A factor of 2 points at dividing by h instead of 2h.";
  if (fn === "numericalGradient" && is(0.5))
    return " A factor of ½ points at dividing by 4h, or by 2h for a one-sided difference.";
  if (FROM_LOSS.has(fn) && is(2))
    return " A factor of 2 points at the ½ in ε = ½‖ŷ − y‖²: its derivative is ŷ − y, with no 2.";
  if (FROM_LOSS.has(fn) && is(0.5))
    return " A factor of ½ points at the ½ of ε = ½‖ŷ − y‖² kept in its derivative, ŷ − y.";
  return fn === "sgdStep" ? " Check η and the sign of the step." : "";
}

/** q: what is wrong, as the sentence's subject ("Your δ^[2]"); k for "scaled" (absent on hidden cases). */
export function relationText(
  found: Found,
  fn: string,
  q: string,
  showK: boolean,
): { name: string; why: string; unknown?: true } {
  const rule = ruleOf(fn);
  const k = found.k === undefined ? "" : formatNumber(found.k);
  switch (found.rel) {
    case "negated":
      return {
        name: "the sign flipped",
        why: `${q} has the right size but the opposite sign: check the order of each subtraction (ŷ − y, not y − ŷ) and each step's sign. The rule: ${rule}.`,
      };
    case "scaled":
      return {
        name: showK ? `scaled by ${k}` : "scaled by a constant",
        why: `${q} is ${showK ? `${k} times` : "a constant multiple of"} the right value in every entry.${showK ? scaleHint(found.k!, fn) : ""} The rule: ${rule}.`,
      };
    case "zeros":
      // Only what the values show: zeros also come from code that ran (a guard returning 0, max(0, z) of negative
      // values), so "never filled in" would be a guess about the code.
      return SCALAR.has(fn)
        ? { name: "zero", why: `${q} is 0, where the rule gives a nonzero value. The rule: ${rule}.` }
        : { name: "all zeros", why: `${q} is all zeros, where the rule gives nonzero values. The rule: ${rule}.` };
    case "transposed":
      return {
        name: "transposed",
        why: `${q} has rows and columns swapped. The rule: ${rule}.`,
      };
    case "layer":
      return {
        name: Math.abs(found.offset ?? 0) === 1 ? "shifted by one layer" : "layers in the wrong order",
        why: `${q} holds the value due in another layer. Lists are aligned with layers, index i holds layer l = i + 1: ${rule}.`,
      };
    case "order":
      return {
        name: "right values in the wrong order",
        why: `${q} has the right numbers in the wrong places: unit j of layer l is entry j of its vector (row r, column j of a matrix). The rule: ${rule}.`,
      };
    case "f-for-a":
      return {
        name: "f in place of a",
        why: `${q} holds the weighted input f^[l] where the activation a^[l] = g^[l](f^[l]) was due: apply the layer's activation.`,
      };
    case "a-for-f":
      return {
        name: "a in place of f",
        why: `${q} holds the activation a^[l] where the weighted input f^[l] = (W^[l])ᵀ a^[l-1] + b^[l] was due.`,
      };
    case "no-gprime":
      return {
        name: "δ without the g′(f) factor",
        why: `${q} lacks the factor g′(f^[l]): δ^[l] = g′(f^[l]) ∘ (W^[l+1] δ^[l+1]), and δ^[L] = g′(f^[L]) ∘ dε/dŷ at the output.`,
      };
    case "extra-gprime":
      return {
        name: "g′(f) applied twice",
        why: `${q} has the factor g′(f^[l]) twice; it belongs once: δ^[l] = g′(f^[l]) ∘ (W^[l+1] δ^[l+1]).`,
      };
    case "extra-gprime-a":
      return {
        name: "an extra g′(a) factor",
        why: `${q} has a factor g′(a^[l]) on top of g′(f^[l]); there is one g′, taken at f: δ^[l] = g′(f^[l]) ∘ (W^[l+1] δ^[l+1]).`,
      };
    case "gprime-of-a":
      return {
        name: "g′ evaluated at a instead of f",
        why: `${q} takes g′ at the activation a^[l] = g(f^[l]), not at the weighted input: δ^[l] = g′(f^[l]) ∘ (W^[l+1] δ^[l+1]).`,
      };
    case "w-transposed":
      return {
        name: "W^[l+1] transposed in the δ recursion",
        why: `${q} uses (W^[l+1])ᵀ δ^[l+1]. W^[l+1] is n_l × n_{l+1}, so δ^[l] = g′(f^[l]) ∘ (W^[l+1] δ^[l+1]) uses it as it is.`,
      };
    case "w-not-transposed":
      return {
        name: "forward pass with W instead of Wᵀ",
        why: `${q} uses W^[l] a^[l-1]. W^[l] is n_{l-1} × n_l, so f^[l] = (W^[l])ᵀ a^[l-1] + b^[l]: unit j reads column j.`,
      };
    case "bias-subtracted":
      return {
        name: "the bias subtracted",
        why: `${q} subtracts b^[l]; it is added: f^[l] = (W^[l])ᵀ a^[l-1] + b^[l].`,
      };
    case "bias-twice":
      return { name: "the bias added twice", why: `${q} adds b^[l] twice; once: f^[l] = (W^[l])ᵀ a^[l-1] + b^[l].` };
    case "x-for-a-prev":
      return {
        name: fn === "forward" ? "x fed to every layer" : "x in place of a^[l−1] in the weight gradient",
        why: `${q} uses the network's input x where the previous layer's activation a^[l-1] was due (x is a^[0], the first layer's input only): ${rule}.`,
      };
    case "g-twice":
      return {
        name: "the activation applied twice",
        why: `${q} is g^[l](g^[l](f^[l])); the activation is applied once: a^[l] = g^[l](f^[l]).`,
      };
    case "sigmoid-for-g":
      return {
        name: "σ in place of the layer's activation",
        why: `${q} is σ(f^[l]) in a layer whose activation g^[l] is not σ: a^[l] = g^[l](f^[l]), with each layer's own g.`,
      };
    case "sigmoid-form":
      return {
        name: "σ′ written as a(1 − a) for a layer that is not σ",
        why: `${q} takes g′ as a^[l](1 − a^[l]), which is σ′ only; this layer's g is another function, and its own g′(f^[l]) is due: δ^[l] = g′(f^[l]) ∘ (W^[l+1] δ^[l+1]).`,
      };
    case "tanh-form":
      return {
        name: "tanh′ written as 1 − a² for a layer that is not tanh",
        why: `${q} takes g′ as 1 − (a^[l])², which is tanh′ only; this layer's g is another function, and its own g′(f^[l]) is due: δ^[l] = g′(f^[l]) ∘ (W^[l+1] δ^[l+1]).`,
      };
    case "abs":
      return {
        name: "the sign dropped (absolute values)",
        why: `${q} has the right size in every entry but is never negative where the rule gives a negative value: no |·| belongs here. The rule: ${rule}.`,
      };
    case "g-for-gprime":
      return {
        name: "the function in place of its derivative",
        why: `${q} returns the activation's value g(z), not its derivative g′(z). The rule: ${rule}.`,
      };
    case "sibling-derivative":
      return {
        name: "another activation's derivative",
        why: `${q} is the derivative of a sibling activation (${SIBLING[fn] ?? "another one"}), not of this one. The rule: ${rule}.`,
      };
    case "loss-for-gradient":
      return {
        name: "the loss's terms in place of its derivative",
        why: `${q} holds the loss's terms (ŷ_j − y_j)² (or their half), not their derivative: differentiate ½(ŷ_j − y_j)² with respect to ŷ_j. The rule: ${rule}.`,
      };
    case "no-bias":
      return { name: "the bias left out of f", why: `${q} leaves out the bias: f^[l] = (W^[l])ᵀ a^[l-1] + b^[l].` };
    case "uses-a-l":
      return {
        name: "a^[l] in place of a^[l−1] in the weight gradient",
        why: `${q} uses the layer's own activation a^[l]; dε/dW^[l] = a^[l-1] (δ^[l])ᵀ uses its input a^[l-1] (x for the first layer).`,
      };
    case "f-for-a-prev":
      return {
        name:
          fn === "forward"
            ? "f^[l−1] fed forward in place of a^[l−1]"
            : "f^[l−1] in place of a^[l−1] in the weight gradient",
        why: `${q} uses the weighted input f^[l-1] where the activation a^[l-1] was due: ${rule}.`,
      };
    case "dw-transposed":
      return {
        name: "weight gradient transposed (δ aᵀ)",
        why: `${q} is δ^[l] (a^[l-1])ᵀ, n_l × n_{l-1}; dε/dW^[l] = a^[l-1] (δ^[l])ᵀ has the shape of W^[l].`,
      };
    case "loss-sign":
      return {
        name: "dε/dŷ with the wrong sign (y − ŷ)",
        why: `${q} starts from y − ŷ; for ε = ½‖ŷ − y‖², dε/dŷ = ŷ − y, so δ^[L] = g′(f^[L]) ∘ (ŷ − y).`,
      };
    case "ascent":
      return {
        name: "gradient ascent (+η) instead of descent",
        why: `${q} moves along the gradient, which climbs the error: ${rule}.`,
      };
    case "eta-missing":
      return {
        name: "off by a factor of η (η left out)",
        why: `${q} steps by the whole gradient, without η: ${rule}.`,
      };
    case "eta-twice":
      return {
        name: "off by a factor of η (η applied twice)",
        why: `${q} steps by η² times the gradient; η belongs once: ${rule}.`,
      };
    case "eta-divided":
      return {
        name: "off by a factor of η (divided by η)",
        why: `${q} steps by the gradient divided by η; it is multiplied: ${rule}.`,
      };
    case "step-scaled":
      return {
        name: showK ? `the step scaled by ${k}` : "the step scaled by a constant",
        why: `${q} steps by ${showK ? `${k} times` : "a constant multiple of"} η times the gradient, not by η times it: ${rule}.`,
      };
    case "no-update":
      return { name: "not updated", why: `${q} is returned unchanged: ${rule}.` };
    case "low-precision":
      return {
        name: "right only to about 6 digits",
        why: `${q} agrees with the right value to about 1e-6, not to the case's tolerance: every value is a float32 (a Float32Array, Math.fround) or rounded. Keep every value a JavaScript number (float64).`,
      };
    default:
      return { name: found.rel, why: `${q} does not follow ${rule}.`, unknown: true };
  }
}

/** The name of a generic relation's id ("relation-negated" → "the sign flipped"), for the class summary. */
export function relationName(id: string): string | undefined {
  if (!id.startsWith("relation-")) return undefined;
  const rel = id.slice("relation-".length);
  if (rel === "layer") return "values due in another layer (shifted or reordered)";
  // Not by comparing the name with the id: "transposed" is both.
  const { name, unknown } = relationText({ rel, offset: 1 }, "", "", false);
  return unknown ? undefined : name;
}
