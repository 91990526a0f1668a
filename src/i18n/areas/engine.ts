/**
 * Messages the engine (src/engine) and the URL codecs (src/state) give the user: errors, warnings,
 * backend reasons and labels of engine values. The engine stays framework-free: it reads these with t().
 * Grouped by the module that says them. Errors meant only for developers (a kernel missing from a
 * backend, an index outside a batch) stay English in the code and are marked there.
 */
export const engine = {
  /** src/engine/backend.ts: the status bar's "what runs and why". */
  backend: {
    names: { webgl: 'WebGL (graphics card)', wasm: 'WebAssembly', cpu: 'JavaScript (cpu)' },
    gpuSoftware: 'WebGL here is drawn by the processor ({renderer}), not a graphics card',
    gpuCard: 'a graphics card is available ({renderer})',
    gpuNone: 'WebGL is not available',
    chosen: 'You chose {label} with ?backend={name}; {gpu}.',
    usingWebgl: 'Using WebGL because {gpu}.',
    usingWasm: 'Using WebAssembly because {gpu}; on a processor WebAssembly is the fastest choice.',
    measuredWasm:
      'Using WebAssembly: a short training test on this computer found it faster than WebGL for this network.',
    measuredWebgl:
      'Using WebGL: a short training test on this computer found it faster than WebAssembly for this network.',
    usingCpu: 'Using plain JavaScript because neither WebGL nor WebAssembly could start.',
    overrideFailed: '{reason} (?backend={name} could not start here)',
    noneStarted: 'No TensorFlow.js backend could start in this browser.',
    contextLost:
      'The graphics card (WebGL) lost its drawing context, so CNN Studio moved to {label}, which runs on the processor; nothing was lost.',
  },
  /** src/engine/data/download.ts: fetching the packed MNIST files. `{fix}` is one of the two fixes. */
  download: {
    prepareFix: 'reload the page; if it happens again, tell whoever looks after this site',
    offlineFix: 'connect to the network and reload; after one good load MNIST also works offline',
    manifestMissing: 'MNIST is not on this server ({url} answered 404 Not Found); {fix}.',
    manifestRefused: "The server refused MNIST's manifest ({url}: HTTP {status}); {fix}.",
    unreachable: 'Could not reach the server for MNIST ({reason}); {fix}.',
    manifestNotJson: 'MNIST manifest {url} is not valid JSON; {fix}.',
    manifestFields: 'MNIST manifest {url} is missing fields (version, splits, files); {fix}.',
    failed: 'Could not download {name} ({reason}); {fix}.',
    fileMissing: '{name} is missing on the server ({file}: 404 Not Found); {fix}.',
    fileRefused: '{name} could not be downloaded ({file}: HTTP {status}); {fix}.',
    brokeOff: 'The download of {name} broke off after {bytes} bytes; {fix}.',
    truncated: '{name} is truncated: expected {expected} compressed bytes, got {got}; {fix}.',
    wrongFile: '{name} is the wrong file: expected {expected} compressed bytes, got {got}; {fix}.',
    notGzip: '{name} is corrupt: it is not gzip data; {fix}.',
    noDecompression:
      'This browser cannot unpack MNIST (no DecompressionStream); update the browser (Chrome 80+, Firefox 113+, Safari 16.4+).',
    gunzipFailed: '{name} is corrupt: gunzip failed ({reason}); {fix}.',
    unpackSize: '{name} unpacks to {got} bytes, expected {expected}; {fix}.',
  },
  /** src/engine/data/idx.ts: a packed file that is not what it should be. `{name}` is e.g. "test-images". */
  idx: {
    defaultName: 'IDX data',
    tooShort: '{name} is truncated: only {bytes} bytes, not even an IDX header; {fix}.',
    stillGzip: '{name} is still gzip-compressed, not an IDX file; {fix}.',
    badMagic:
      '{name} is not an IDX file (bad magic number 0x{magic}, expected 0x00000803 or 0x00000801); {fix}.',
    badType: '{name} has data type 0x{type}, expected 0x08 (unsigned bytes); {fix}.',
    badRank: '{name} has {rank} dimensions, expected {expected}; {fix}.',
    atLeastOne: 'at least 1',
    shortHeader: '{name} is truncated: expected at least {expected} header bytes, got {got}; {fix}.',
    truncated: '{name} is truncated: expected {expected} bytes, got {got}; {fix}.',
    tooLong: '{name} is too long: expected {expected} bytes, got {got}; {fix}.',
  },
  /** src/engine/data/mnist.ts: images and labels that do not agree. `{split}` is "train" or "test". */
  mnist: {
    imageSize: '{split}-images holds {h}×{w} images, expected 28×28; {fix}.',
    disagree: '{split} images and labels disagree: {images} images but {labels} labels; {fix}.',
    count: '{split} set holds {n} digits, expected {expected}; {fix}.',
    badLabel: '{split}-labels has label {label} at #{index}, expected 0–9; {fix}.',
    noFiles: 'MNIST manifest lists no files for the {split} set; {fix}.',
    noDigit: 'Digit #{index} does not exist: the {split} set holds #0–#{last}.',
  },
  /** src/engine/model/modelIO.ts: a model file refused, or a model that could not be kept. */
  model: {
    noTopology:
      'model.json has no layer description (modelTopology): it is not a TensorFlow.js layers model.',
    noLayers: 'model.json lists no layers.',
    wrongInput: "The model's input is {shape}, but MNIST digits are {need}.",
    inputNotGiven: 'not given',
    wrongOutput: 'The output layer has {units} units; a digit classifier needs 10 (one per digit).',
    noWeights: 'model.json lists no weights (weightsManifest is empty).',
    notFloat32: 'Weight "{name}" is {dtype}; only float32 weights are supported.',
    quantized: 'Weight "{name}" is quantized; export the model without quantization.',
    weightsTruncated: 'The weights file is truncated: it has {got} bytes but model.json needs {expected}.',
    weightsTooLong:
      'The weights file is too long: {got} bytes where model.json needs {expected}. Is it the weights file of another model?',
    unreadableSource: 'This source cannot be read.',
    unreadable: 'The model files could not be read. Try saving them again.',
    weightsMisfit:
      'The model could not be built from these files: some layer settings are not ones CNN Studio can use.',
    not10: 'The model does not end in 10 outputs.',
    noIndexedDb: 'This browser offers no IndexedDB here, so the model cannot be kept after a reload.',
    storageFull:
      'The browser storage is full, so this epoch was not saved. Free some space; training goes on.',
    notSaved: 'The model could not be saved in this browser; training goes on.',
    pickJson: 'Pick the model.json file together with its weights file.',
    notJson: '{file} is not valid JSON.',
    notLayersModel: '{file} is not a TensorFlow.js layers model (no modelTopology).',
    needWeights: 'model.json needs the weights file "{file}"; pick it too.',
    notSequential:
      'The model is not a plain stack of layers (a Sequential model), so CNN Studio cannot open it.',
    tooManyLayers: 'The model has {n} layers; CNN Studio opens at most {max}.',
    unknownLayer: 'Layer "{layer}" is a {kind}, a kind of layer CNN Studio cannot run (it knows {known}).',
    badSetting: 'Layer "{layer}" has {key} = {value}; CNN Studio needs {lo} to {hi} there.',
    tooBig:
      'Layer "{layer}" asks for {key} = {value}; CNN Studio allows at most {max}, so the file was refused before building anything.',
    badActivation: 'Layer "{layer}" uses the activation "{value}"; CNN Studio knows {known}.',
    wrongRank: 'Layer "{layer}" ({kind}) cannot take an input of shape {shape}.',
    doesNotFit: 'Layer "{layer}" does not fit its input {shape}: its window is bigger than the picture.',
    duplicateName: 'Two layers are called "{layer}"; every layer needs its own name.',
    tooManyParams:
      'At layer "{layer}" the model already has {n} numbers to learn; CNN Studio opens at most {max}, so the file was refused before building anything.',
    badManifest:
      'model.json has a broken weights list (weightsManifest): it is not a list of files and weights.',
    extraWeight: 'model.json lists a weight "{name}" that no layer of the model uses.',
    missingWeight: 'model.json does not list the weight "{name}" ({shape}) that layer "{layer}" needs.',
    wrongShape: 'Weight "{name}" has the shape {got}, but its layer needs {expected}.',
    notFinite:
      'Weight "{name}" holds {value} at number {i}: a model with values that are not ordinary numbers gives no sensible answers, so it was refused.',
    jsonTooBig: '{file} is far too big to be a model.json (those are a few kilobytes).',
    weightsTooBig:
      'The weights files hold {bytes} bytes; CNN Studio opens models up to {max} bytes, so they were not read.',
  },
  /** src/engine/train/config.ts: why a training setting is refused. */
  trainConfig: {
    epochs: 'Epochs must be a whole number from 1 to 50.',
    trainSize: 'The number of training pictures must be a whole number from 100 to 60,000.',
    valFraction: 'The validation share must be from 0% to 50%; more leaves too little to learn from.',
    batchSize: 'Batch size must be a whole number from 1 to 1,024.',
    batchTooBig: 'A batch of {batch} is bigger than the {left} digits left to train on.',
    lr: 'The learning rate must be a number above 0 and at most 10 (try 0.001 to 0.01 with Adam).',
    seed: 'The seed must be a whole number from 0 to 2,147,483,647.',
    filters1: 'conv1 needs 1 to 64 filters.',
    filters2: 'conv2 needs 1 to 64 filters.',
    dense1: 'dense1 needs 1 to 1,024 units.',
    dense2: 'dense2 needs 1 to 1,024 units.',
  },
  /** src/engine/train/trainer.ts: the loss ran away. */
  trainer: {
    diverged:
      'The loss became {what} near step {step} with learning rate {lr}: the steps were so big the weights flew off. Training stopped and the weights from step {good} are back. Try a smaller learning rate.',
    lossNaN: 'not a number (NaN)',
    lossHigh: '{loss} (a network that just guesses scores 2.3)',
    lossInfinite: 'infinite',
    backendLost:
      'the graphics card (WebGL) lost its drawing context, so its results can no longer be trusted',
  },
  /** src/engine/softmax/softmaxRegression.ts: the one-layer network of lesson 8. */
  softmax: {
    stopped: 'Training was stopped.',
    diverged: 'the loss became {loss}; try a smaller learning rate',
  },
  /** src/engine/preprocess/imageHeader.ts: an uploaded picture refused before decoding. */
  image: {
    zeroSize: 'The image is empty: it says it is 0 pixels wide or high.',
    notValid:
      'The file starts like a {type} image, but its size information is missing or cut short, so it is not a valid {type}.',
    unknown: 'It is not an image this page can read. Use a PNG, JPEG, GIF, BMP or WebP picture.',
    fileTooBig: 'The file is {mb} MB; pictures up to {max} MB can be opened here. Shrink it first.',
    tooLarge:
      'The image is {w} × {h} pixels, too large to open safely in a browser tab (the limit is {side} pixels a side and {millions} million in all). Crop or shrink it first.',
  },
  /** src/engine/ops/geometry.ts: a window that does not fit, and the output-size formula. */
  geometry: {
    notPositive: '{what} must be a whole number of at least 1, not {value}',
    badPadding: 'padding must be a whole number of at least 0 or "same", not {value}',
    what: {
      inputHeight: 'input height',
      inputWidth: 'input width',
      kernelHeight: 'kernel height',
      kernelWidth: 'kernel width',
      stride: 'stride',
      dilation: 'dilation',
    },
    tooTall:
      'The window is {span} cells tall{dilated}, but the {input} is only {room} cells tall, so it does not fit even once. Use a smaller kernel or dilation, or add padding.',
    tooWide:
      'The window is {span} cells wide{dilated}, but the {input} is only {room} cells wide, so it does not fit even once. Use a smaller kernel or dilation, or add padding.',
    dilated: ' (kernel {k} spread out by dilation {d})',
    input: 'input',
    paddedInput: 'padded input',
    formula: '⌊({in} + {pad} − {d}·({k}−1) − 1) / {s}⌋ + 1 = {result}',
    nothingFits: '⌊{top} / {s}⌋ + 1 → nothing fits',
  },
  /** src/engine/ops/activation.ts: the activation as a formula, for the maths panel. */
  activation: {
    none: 'no activation: output = sum',
    relu: 'ReLU: max(0, sum)',
    tanh: 'tanh(sum)',
    sigmoid: 'sigmoid: 1 / (1 + e^(−sum))',
  },
  /** src/engine/ops/presets.ts: the classic kernels' names. */
  presets: {
    'vertical-edge': 'Vertical edge (light | dark)',
    horizontal: 'Horizontal lines',
    vertical: 'Vertical lines',
    diagonal: 'Diagonal ╲',
    antidiagonal: 'Diagonal ╱',
    'sobel-x': 'Sobel x (left→right edges)',
    'sobel-y': 'Sobel y (top→bottom edges)',
    'box-blur': 'Box blur',
    gaussian: 'Gaussian blur',
    sharpen: 'Sharpen',
    identity: 'Identity (copy)',
    emboss: 'Emboss',
    random: 'Random',
  },
  /** src/state/linkValues.ts: a value in a #/train, #/draw or lesson link that is refused. */
  link: {
    notNumber: '{key}="{raw}" is not a number written with plain digits (like 12 or 0.5).',
    notWhole: '{key}="{raw}" is not a whole number.',
    outOfRange: '{key}={raw} is outside {lo} to {hi}.',
    notOption: '{key}="{raw}" is not one of {options}.',
    kept: 'Link problem: {problem} Kept the previous value, {kept}.',
  },
  /** src/state/mnistService.ts: the status bar's MNIST line. */
  mnistStatus: {
    ready: { test: '{n} test digits ready', train: '{n} training digits ready' },
    failed: {
      test: 'Could not load the test digits: {message}{ready}',
      train: 'Could not load the training digits: {message}{ready}',
    },
    readyNote: ' ({list})',
    loading: { test: 'Loading test digits{size}{eta}', train: 'Loading training digits{size}{eta}' },
    size: ' ({mb} MB)',
    eta: ', about {s} s left',
  },
  /**
   * src/state/convParams.ts: a value in a #/convolution or #/pooling link that is refused. Key names
   * (stride, filters, kernel…) are the link's own words and stay as they are in every language.
   */
  codec: {
    wholeNumber: '{what} must be a whole number from {lo} to {hi}, not "{raw}".',
    outOfRange: '{what} must be from {lo} to {hi}, not {value}.',
    what: {
      mnistIndex: 'The MNIST test digit number',
      filters: 'filters',
      stride: 'stride',
      padding: 'padding (or "same")',
      dilation: 'dilation',
      step: 'step',
      speed: 'speed',
      poolSize: 'pool size',
      poolStride: 'poolStride',
      channel: 'channel',
    },
    image: {
      notDigit: 'image="{image}" is not a test digit: {problem}',
      noPattern: 'image="{image}" names no pattern; choose one of {patterns}.',
      patternSize: 'image="{image}" has a size that is not 7, 14 or 28.',
      customShape: 'image="{image}" must look like custom:<w>x<h>:<comma-separated values>.',
      customSize: 'image="{image}" has a size outside 1–{max} (and 1–16 channels).',
      customCount: 'image="{image}" has {n} values, but {w}×{h}×{c} needs {need}.',
      customValue: 'image="{image}" has value {i} "{value}" that is not a number.',
      unknown:
        'image="{image}" is not an image this page knows; use mnist-test:<0–9999>, drawn, pattern:<name> or custom:<w>x<h>:<values>.',
    },
    filters: {
      tooMany: 'filters lists {n} filters; the bank holds 1 to 16.',
      badSlot:
        'filter {i} in filters is "{slot}": use kernel, a preset ({presets}) or k×k numbers (k from 1 to 7) joined by _.',
      twoKernels: 'filters names "kernel" more than once; only one filter is being edited.',
      noRoom: 'filters has 16 filters and no "kernel" slot for yours.',
    },
    kernel: {
      tooMany: 'kernel has {n} numbers, too many.',
      notNumber: 'kernel number {i} is "{value}", which is not a number.',
      tooLarge: 'kernel number {i} ({value}) is too large; keep weights between −1000 and 1000.',
      notSquare: 'kernel has {n} numbers; a square kernel of size 1–7 needs 1, 4, 9, 16, 25, 36 or 49.',
      notSquareChannels:
        'kernel has {n} numbers; a square kernel of size 1–7 needs 1, 4, 9, 16, 25, 36 or 49 (or that times {c}, one slice per channel).',
    },
    bias: 'bias must be a number between −1000 and 1000, not "{raw}".',
    activation: 'activation must be none, relu, tanh or sigmoid, not "{raw}".',
    color: 'color must be rgb or grey, not "{raw}".',
    speed: 'speed must be one of {speeds}.',
    pool: 'pool must be max or avg, not "{raw}".',
  },
};
