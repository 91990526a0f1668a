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
  editor: {
    title: 'Your network',
    note: 'Layers run from the {thing} (top) to the answer (bottom). Change one and the numbers beside it update at once; Train trains this network.',
    preset: 'Start from',
    presetChoose: 'Choose a network…',
    presets: {
      lenet: 'Modern LeNet (today’s default)',
      lenet1998: 'LeNet-5 (1998): tanh, average pooling',
      vgg: 'Small VGG-like: two blocks of two 3×3 convolutions',
      softmax: 'One layer: softmax regression',
      mlp: 'MLP: no convolution at all',
    },
    input: 'input · the {thing} · {shape}',
    output: 'output · one unit per {answer}, softmax',
    kinds: {
      conv: 'Convolution',
      maxpool: 'Max pooling',
      avgpool: 'Average pooling',
      batchnorm: 'Batch normalisation',
      dropout: 'Dropout',
      dense: 'Dense',
    },
    fields: {
      filters: 'Filters',
      kernel: 'Kernel',
      stride: 'Stride',
      padding: 'Padding',
      activation: 'Activation',
      size: 'Window',
      rate: 'Drop %',
      units: 'Units',
    },
    padding: { same: 'same (keeps size)', valid: 'valid (shrinks)' },
    activation: { relu: 'ReLU', tanh: 'tanh', sigmoid: 'sigmoid', linear: 'none (linear)' },
    square: '{n}×{n}',
    outShape: '→ {shape}',
    params: '{n} parameters',
    macs: '{n} multiply-adds',
    sees: 'sees {n}×{n} pixels',
    seesAll: 'sees the whole digit',
    broken: 'breaks here',
    after: 'not worked out: a layer above breaks',
    moveUp: 'Move {name} up',
    moveDown: 'Move {name} down',
    remove: 'Remove {name}',
    keys: 'Keys: Tab moves between fields; Alt+↑ or Alt+↓ moves the layer you are in up or down.',
    add: 'Add layer',
    addKind: 'Layer to add',
    totals: 'Whole network',
    totalParams: 'Parameters (numbers it learns)',
    totalMacs: 'Multiply-adds per {thing}',
    totalMemory: 'Memory while training (batch {batch})',
    totalTime: {
      one: 'Training time on this computer ({n} epoch)',
      other: 'Training time on this computer ({n} epochs)',
    },
    timeValue: 'about {time}',
    timeRange: 'between {low} and {high}: timed from 3 training steps here',
    timeMeasuring: 'timing a few training steps…',
    timeUnknown: 'cannot be timed right now (it is timed when nothing is training)',
    mb: '{n} MB',
    noConv:
      'This network has no convolution, so it has no filters to show: every pixel goes straight into a dense layer.',
    kept: 'Until you fix it, Train uses the last network that worked ({n} parameters).',
    linkRefused: 'The network in this link cannot be used: {reason} The previous network stays.',
    link: 'Link to this network',
    tooBig:
      'This network is big for this computer: training it needs about {mb} MB. The tab may slow down a lot or run out of memory. Fewer filters, fewer layers before the first pooling, or a smaller batch make it lighter.',
  },
  code: {
    title: 'Your network as code',
    shape: 'Keras · TensorFlow.js',
    note: 'The same layers, with the same names, so the weights you export fit. Keras is Python; TensorFlow.js runs in a browser.',
    keras: 'Keras (Python)',
    tfjs: 'TensorFlow.js',
    download: 'Download {file}',
  },
  import: {
    refused: 'Layer "{name}" ({cls}) cannot be used: {why}',
    kind: 'the editor knows convolution, max and average pooling, batch normalisation, dropout, flatten and dense layers only.',
    activation: 'its activation "{a}" is not one of relu, tanh, sigmoid or linear.',
    notSquare: 'its window or stride is not square.',
    dilation: 'it is a dilated convolution.',
    noBias: 'it has no bias.',
    padding: 'its padding is neither "same" nor "valid".',
    lastSoftmax: 'a network here must end in a dense layer with softmax, one unit per class.',
    notImage: 'the model’s input {shape} is not an image (height, width, channels).',
  },
};
