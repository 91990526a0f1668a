/**
 * What each layer of a stack does to the numbers, worked out without building anything:
 * its output shape, its parameter count (equal to tfjs-layers' and Keras's `countParams()`), its
 * multiply-adds per image and its receptive field. A stack that cannot work (a kernel larger than its
 * input, a map shrunk to nothing, a convolution after the flatten) is refused at the layer that breaks,
 * with the numbers that show why. Pure: no tensors.
 *
 *   conv, same padding:  out = ⌈in / s⌉;  valid: out = ⌊(in − k) / s⌋ + 1  (needs in ≥ k)
 *   pool (no padding):   out = ⌊(in − size) / stride⌋ + 1                    (needs in ≥ size)
 *   params: conv k·k·inC·f + f; dense in·u + u; batchnorm 4·C (γ, β learned; running mean and
 *   variance kept, as Keras counts them); pooling, dropout, flatten 0
 *   receptive field r, input step j (start r = j = 1): a k-window with stride s gives r += (k − 1)·j, j ·= s
 */
import { t } from '../../i18n';
import { flattenIndex, layerNames, type LayerSpec, type ModelSpec } from './modelSpec';

export type LayerRow = {
  /** Index in the stack; -1 for the output layer. */
  index: number;
  name: string;
  kind: LayerSpec['kind'] | 'output';
  /** [h, w, c] for a map, [n] after the flatten. */
  outShape: number[];
  params: number;
  trainableParams: number;
  /** Multiply-adds for one image (pooling compares or adds, it does not multiply: 0). */
  macs: number;
  /** Side of the input square one output value sees; null once everything is mixed (dense). */
  receptiveField: number | null;
};

export type Arithmetic = {
  rows: LayerRow[];
  totals: { params: number; trainableParams: number; macs: number; activations: number };
};

/** A stack that cannot work: `index` is the layer that breaks; `message` says why, with numbers. */
export type StackProblem = { index: number; name: string; message: string };

export type ArithmeticResult = { ok: true; value: Arithmetic } | { ok: false; problem: StackProblem };

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Works out every layer (then the output layer) of `spec`, or the first layer that breaks. */
export function analyzeSpec(spec: ModelSpec): ArithmeticResult {
  const names = layerNames(spec.layers);
  const flatAt = flattenIndex(spec.layers);
  let shape: number[] = [...spec.inputShape];
  let rf: number | null = 1;
  let jump = 1;
  const rows: LayerRow[] = [];
  for (let i = 0; i < spec.layers.length; i++) {
    const l = spec.layers[i] as LayerSpec;
    const name = names[i] ?? l.kind;
    const fail = (
      key: 'afterFlat' | 'kernelTooBig' | 'windowTooBig',
      vars: Record<string, string | number>,
    ) => ({
      ok: false as const,
      problem: { index: i, name, message: t(`arch.problem.${key}`, { name, ...vars }) },
    });
    if (i === flatAt && shape.length === 3) shape = [size(shape)];
    const isMap = shape.length === 3;
    const [h = 1, w = 1, c = 1] = shape;
    const mapText = `${h}×${w}`;
    switch (l.kind) {
      case 'conv': {
        if (!isMap) return fail('afterFlat', {});
        const k = l.kernel;
        if (l.padding === 'valid' && (h < k || w < k)) return fail('kernelTooBig', { k, map: mapText });
        const oh = l.padding === 'same' ? Math.ceil(h / l.stride) : Math.floor((h - k) / l.stride) + 1;
        const ow = l.padding === 'same' ? Math.ceil(w / l.stride) : Math.floor((w - k) / l.stride) + 1;
        const params = k * k * c * l.filters + l.filters;
        shape = [oh, ow, l.filters];
        rows.push(
          row(
            i,
            name,
            l.kind,
            shape,
            params,
            params,
            oh * ow * l.filters * k * k * c,
            rf === null ? null : rf + (k - 1) * jump,
          ),
        );
        if (rf !== null) rf += (k - 1) * jump;
        jump *= l.stride;
        break;
      }
      case 'maxpool':
      case 'avgpool': {
        if (!isMap) return fail('afterFlat', {});
        if (h < l.size || w < l.size) return fail('windowTooBig', { k: l.size, map: mapText });
        const oh = Math.floor((h - l.size) / l.stride) + 1;
        const ow = Math.floor((w - l.size) / l.stride) + 1;
        shape = [oh, ow, c];
        if (rf !== null) rf += (l.size - 1) * jump;
        jump *= l.stride;
        rows.push(row(i, name, l.kind, shape, 0, 0, 0, rf));
        break;
      }
      case 'batchnorm': {
        const ch = shape[shape.length - 1] ?? 1;
        rows.push(row(i, name, l.kind, shape, 4 * ch, 2 * ch, size(shape), rf));
        break;
      }
      case 'dropout':
        rows.push(row(i, name, l.kind, shape, 0, 0, 0, rf));
        break;
      case 'dense': {
        const inN = size(shape);
        const params = inN * l.units + l.units;
        rf = null;
        shape = [l.units];
        rows.push(row(i, name, l.kind, shape, params, params, inN * l.units, null));
        break;
      }
    }
  }
  const inN = size(shape);
  rows.push(
    row(
      -1,
      'output',
      'output',
      [spec.classes],
      inN * spec.classes + spec.classes,
      inN * spec.classes + spec.classes,
      inN * spec.classes,
      null,
    ),
  );
  const totals = rows.reduce(
    (s, r) => ({
      params: s.params + r.params,
      trainableParams: s.trainableParams + r.trainableParams,
      macs: s.macs + r.macs,
      activations: s.activations + size(r.outShape),
    }),
    { params: 0, trainableParams: 0, macs: 0, activations: size(spec.inputShape) },
  );
  return { ok: true, value: { rows, totals } };
}

function row(
  index: number,
  name: string,
  kind: LayerRow['kind'],
  outShape: number[],
  params: number,
  trainableParams: number,
  macs: number,
  receptiveField: number | null,
): LayerRow {
  return { index, name, kind, outShape: [...outShape], params, trainableParams, macs, receptiveField };
}
