/** The Draw area (src/components/draw). */
export const draw = {
  heading: 'Draw a digit',
  model: 'Model: ',
  loadingModel: 'Loading the model…',
  noModel: 'No trained or shipped model could be loaded ({reason}).',
  noModelReason: 'the model files did not arrive; reload the page to try again',
  modelFailed: 'Draw could not start its model. Reload the page to try again.',
  describe: {
    accuracy: ' ({pct}% right on the 10,000 MNIST test digits)',
    trained: 'The model you trained in this browser{acc}.',
    pretrained:
      'The pretrained LeNet-5 that ships with CNN Studio{acc}. Train your own in Train and Draw will use it.',
    imported: 'An imported model{acc}.',
    importedNamed: 'An imported model ({name}){acc}.',
    untrained: 'An untrained LeNet-5 with random weights: its guesses are noise. Train one in Train.',
  },
  latency: 'Last update {ms} ms after the stroke ended (95% of {n} updates within {p95} ms).',
  pad: {
    title: 'Your drawing',
    shape: '280×280 pixels',
    penLabel: 'Pen',
    penSize: '{n} px',
    undo: 'Undo',
    clear: 'Clear',
    upload: 'Upload a photo',
    canvas: 'Drawing canvas',
  },
  upload: {
    reading: 'Reading "{name}"…',
    unchanged: '{message} Your drawing is unchanged.',
    loaded: 'Loaded "{name}": the background was removed. Undo brings back your drawing.',
    loadedInverted:
      'Loaded "{name}": dark ink on light paper was inverted, the background was removed. Undo brings back your drawing.',
    unreadable:
      '"{name}" is not an image this page can read. Use a PNG, JPEG, GIF, BMP or WebP photo of one digit.',
    tooBig: '"{name}": {problem}',
    damaged: '"{name}" looks like a {type} file but could not be decoded: it is probably damaged.',
    noCanvas: 'This browser cannot read image pixels here.',
    blank:
      'No digit found in "{name}": the picture looks like plain paper. Try a darker pen or a closer photo.',
  },
  sees: {
    title: 'What the network sees',
    shape: '28×28 pixels',
    label: 'The drawing as the network sees it',
    note: 'Like MNIST: cropped to the ink, longest side shrunk to 20 pixels, then moved so its centre of mass sits in the middle of a 28×28 square.',
  },
  layersTitle: 'What every layer makes of it',
  conv2Channel: 'A click on a later conv map opens input map',
  strongest: 'the one the filter weighs most',
  placeholder: 'Draw a digit and every layer of the network appears here.',
  runFailed: 'The network could not run: {error}',
  answer: {
    title: "The network's answer",
    shape: '10 probabilities',
    empty: 'draw a digit',
    none: '—',
    sure: ' sure',
    unsure:
      'Not sure: this does not look much like any one digit the network learned. The bars show its honest doubt.',
    bars: 'Probability of each digit',
    softmax: "Softmax turns the last layer's ten scores into probabilities that add up to 100%.",
    softmaxN:
      "Softmax turns the last layer's {n} scores (one per class) into probabilities that add up to 100%.",
  },
  whatIf: {
    titleWaiting: 'What if? Change a filter',
    waiting: 'Waiting for the model…',
    title: 'What if? Change a {layer} filter',
    shape: 'filter {n} of {count} · {k}×{k}',
    picker: 'Pick a {layer} filter',
    noConv:
      'This network has no convolution layer, so it has no filter to change: its dense layers look at all pixels at once. Add a conv layer in Train to try this.',
    filter: 'Filter {n}',
    filterMap: '{layer} filter {n}',
    weightsMap: '{layer} filter {n} weights',
    weightAt: 'Weight at row {row}, column {col}',
    selected: 'Selected weight',
    badWeight:
      'A weight must be a number from −{limit} to {limit}, not "{text}". The last good weight is kept.',
    zero: 'Zero this filter',
    flip: 'Flip its sign',
    reset: 'Reset model',
    answer: '{digit} ({pct}%)',
    beforeNow: 'Before your edit: {before} → now: {now}',
    edited: 'Edited: the maps below use your filter.',
    real: 'The real trained filter. Click a cell, then change its number.',
    legend: 'Weights',
    note: "Only Draw's copy changes; the saved model stays as it was.",
  },
  layers: {
    mapsLabel: {
      one: '{name}: {n} map of {size}×{size}',
      other: '{name}: {n} maps of {size}×{size}, numbered left to right',
    },
    mapsShape: { one: '{n} map · {size}×{size}', other: '{n} maps · {size}×{size}' },
    numbers: '{n} numbers',
    activations: '{name} activations',
    rowsOf: '{rows} rows of {cols}, read left to right',
    conv1: "Each of 6 filters slides over your digit; a dark cell means that filter's pattern is there.",
    conv1Hint: 'Click a map: its real filter slides over your digit in the Convolution explorer.',
    pool1Max: 'Max pooling keeps one number per 2×2 block: half the size.',
    pool1Avg: 'Average pooling keeps one number per 2×2 block: half the size.',
    pool1Hint: 'Click a map to pool its conv1 map step by step.',
    conv2: '16 filters, each looking at all 6 pool1 maps at once, find combinations of strokes.',
    conv2Hint:
      "Click a map: the explorer takes one image, so it gets one of the 6 pool1 maps and that filter's 5×5 slice for it (the channel chosen below). The real map adds all 6 parts and the bias, then applies {act}.",
    pool2: 'Pooled again: 16 maps of 5×5, which are flattened into 400 numbers.',
    what: {
      convOnImage: {
        one: "{n} filter of {k}×{k} slides over your digit (step {s}); a dark cell means the filter's pattern is there.",
        other:
          "Each of {n} filters of {k}×{k} slides over your digit (step {s}); a dark cell means that filter's pattern is there.",
      },
      convOnPicture: {
        one: "{n} filter of {k}×{k} slides over the picture (step {s}); a dark cell means the filter's pattern is there.",
        other:
          "Each of {n} filters of {k}×{k} slides over the picture (step {s}); a dark cell means that filter's pattern is there.",
      },
      convOnMaps: {
        one: '{n} filter of {k}×{k} looks at all {c} maps of {prev} at once and finds combinations of them.',
        other:
          '{n} filters of {k}×{k}, each looking at all {c} maps of {prev} at once, find combinations of them.',
      },
      maxpool:
        'Max pooling keeps the largest number of each {size}×{size} window, moving {s} cells at a time.',
      avgpool: 'Average pooling keeps the mean of each {size}×{size} window, moving {s} cells at a time.',
      batchnorm:
        'Batch normalisation rescales every map with the mean and spread it measured while training, so the next layer gets numbers of a steady size.',
      dropout:
        'Dropout switches off {pct}% of the numbers at random, but only while training; reading your digit it passes every number through unchanged.',
      dropoutPicture:
        'Dropout switches off {pct}% of the numbers at random, but only while training; reading a picture it passes every number through unchanged.',
      dense: 'Each of these {n} numbers mixes all {m} numbers of {prev}.',
      denseOnPicture:
        'The picture is flattened into one row of {m} numbers; each of these {n} numbers mixes all of them.',
      denseOnImage:
        'Your digit is flattened into one row of {m} pixels; each of these {n} numbers mixes all of them.',
      denseFlat:
        "{prev}'s {h}×{w}×{c} values are flattened into one row of {m} numbers; each of these {n} numbers mixes all of them.",
    },
    noMaps:
      'This network has no convolution or pooling layer, so it makes no maps: it flattens your digit into 784 numbers and mixes them all at once, without looking at small neighbourhoods first.',
    noMapsPicture:
      'This network has no convolution or pooling layer, so it makes no maps: it flattens the picture into {m} numbers and mixes them all at once, without looking at small neighbourhoods first.',
    convOneMapHint:
      'Click a map: its real filter, bias and activation slide over the {prev} map in the Convolution explorer.',
    convMapsHint:
      "Click a map: the explorer takes one image, so it gets one of the {c} {prev} maps and that filter's {k}×{k} slice for it (the channel chosen above). The real map adds all {c} parts and the bias, then applies {act}.",
    poolHint: 'Click a map to pool its {prev} map step by step in the Pooling explorer.',
    dense1: 'Each number mixes all 400 pooled values.',
    dense2: 'Mixes the 120 numbers of dense1.',
    outputTitle: 'output',
    outputShape: '10 numbers',
    outputShapeN: '{n} numbers',
    outputWhatClasses: 'One probability per class, numbered as in the list below; the red box is the answer.',
    outputLabelClasses: 'output probabilities for the classes {names}',
    outputWhat: 'One probability per digit; the red box is the answer.',
    outputLabel: 'output probabilities for digits 0 to 9',
  },
};
