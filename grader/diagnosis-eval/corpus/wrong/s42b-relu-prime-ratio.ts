// Replaces: 03-activations reluPrime
// TA: computes relu′(z) as relu(z) / z, which is right for z ≠ 0 but 0 / 0 = NaN at z = 0, where relu′(0) = 0.
// Names: none
export function reluPrime(z: number): number {
  // relu(z) = z · relu′(z), so relu′(z) = relu(z) / z
  return Math.max(0, z) / z;
}
