/**
 * Messages of the layer editor and the model description (src/engine/model/archCodec.ts,
 * layerArithmetic.ts, presets.ts, and src/components/train/arch/*).
 */
export const arch = {
  parse: {
    empty:
      'The network in the link is empty. Write layers joined by "-", or "none" for a single output layer.',
    tooMany:
      'The network in the link has {n} layers; the editor takes at most {max}. Remove some layers from the link.',
    unknown: 'Layer {pos}, "{part}", is not a layer the editor knows. Known layers: {known}.',
    negative:
      'Layer {pos}, "{part}", has a negative number. Sizes count things, so they are whole numbers from 1 up.',
    malformed: 'Layer {pos}, "{part}", is not written the way the editor reads it. Write it as {shape}.',
    emptyPart: 'Layer {pos} is empty: two "-" in a row.',
    range: {
      filters: 'Layer {pos}, "{part}", asks for {value} filters; a convolution can have {lo} to {hi}.',
      kernel:
        'Layer {pos}, "{part}", asks for a {value}×{value} kernel; kernels go from {lo}×{lo} to {hi}×{hi}.',
      stride: 'Layer {pos}, "{part}", asks for stride {value}; the stride can be {lo} to {hi}.',
      size: 'Layer {pos}, "{part}", asks for a {value}×{value} pooling window; windows go from {lo}×{lo} to {hi}×{hi}.',
      units: 'Layer {pos}, "{part}", asks for {value} units; a dense layer can have {lo} to {hi}.',
      dropout: 'Layer {pos}, "{part}", drops {value}% of the values; dropout can be {lo}% to {hi}%.',
    },
  },
  problem: {
    afterFlat:
      '{name} needs a map (height × width × channels), but a dense layer above it has already flattened the map into one long list. Move it above the first dense layer.',
    kernelTooBig:
      '{name}: its {k}×{k} kernel is larger than the {map} map it slides over, so without padding it has no position to stop at. Use a smaller kernel, "same" padding, or less pooling above it.',
    windowTooBig:
      '{name}: its {k}×{k} window is larger than the {map} map it pools, so nothing is left. Use a smaller window or remove a layer that shrinks the map above it.',
  },
};
