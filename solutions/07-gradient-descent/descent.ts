import type { Gradients, Layer, Vector } from "../types";
// Your own work from exercises 04 and 06.
import { forward } from "../04-forward/forward";
import { gradients, loss } from "../06-gradients/gradients";

/**
 * One gradient descent step W ← W − η∇ε, for every layer's W and b.
 * - layers: L layers; grads: dW[i] shaped like W^[i+1], db[i] like b^[i+1]; eta: η.
 * Returns new layers (same activations). Pure: layers and grads are left unchanged.
 */
export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  // Step against the gradient: descent, so minus η.
  return layers.map((layer, i) => ({
    W: layer.W.map((row, r) => row.map((w, j) => w - eta * grads.dW[i][r][j])),
    b: layer.b.map((b, j) => b - eta * grads.db[i][j]),
    activation: layer.activation,
  }));
}

export interface TrainOptions {
  /** η, the learning rate. */
  eta: number;
  /** How many passes over the data. */
  epochs: number;
}

export interface TrainResult {
  /** The trained layers. */
  layers: Layer[];
  /** losses[e]: the mean ε over all instances, measured after epoch e + 1. */
  losses: number[];
}

/**
 * Stochastic gradient descent, one instance at a time.
 * - xs: m inputs, each length n_0; ys: m targets, each length n_L.
 * For each epoch: for i = 0 … m-1 in order, take one sgdStep on the gradient for (xs[i], ys[i]).
 * After each epoch, record the mean of ε = ½‖ŷ − y‖² over all m instances.
 */
export function train(layers: Layer[], xs: Vector[], ys: Vector[], options: TrainOptions): TrainResult {
  let current = layers;
  const losses: number[] = [];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = 0; i < xs.length; i++) {
      current = sgdStep(current, gradients(current, xs[i], ys[i]), options.eta);
    }
    let total = 0;
    for (let i = 0; i < xs.length; i++) {
      const { a } = forward(current, xs[i]);
      total += loss(a[a.length - 1], ys[i]);
    }
    losses.push(total / xs.length);
  }
  return { layers: current, losses };
}
