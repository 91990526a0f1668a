import { t } from '../../i18n';

/** The squashing step after the weighted sum: what a neuron passes on. */
export type Activation = 'none' | 'relu' | 'tanh' | 'sigmoid';

export const ACTIVATIONS: readonly Activation[] = ['none', 'relu', 'tanh', 'sigmoid'];

/** none: v · ReLU: max(0, v) · tanh: (e^v − e^−v)/(e^v + e^−v) · sigmoid: 1/(1 + e^−v). */
export function activate(kind: Activation, v: number): number {
  switch (kind) {
    case 'none':
      return v;
    case 'relu':
      return v > 0 ? v : 0;
    case 'tanh':
      return Math.tanh(v);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-v));
  }
}

/** The formula in plain text, for the maths panel, in the current language. */
export function activationFormula(kind: Activation): string {
  return t(`engine.activation.${kind}`);
}
