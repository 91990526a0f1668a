/**
 * "Try it" (`#/draw?dataset=<id>`, src/components/tryit): classify a new picture with the model trained
 * on any dataset, and the per-dataset model lines (src/components/model/DatasetModelChooser.tsx).
 */
export const tryit = {
  heading: 'Try it: {dataset}',
  intro:
    'Give the network a picture it has never seen: pick one from the test set, draw one, take one with the camera or open a file. Every layer shows what it makes of it.',
  loading: 'Loading the model and the test pictures…',
  loadingPictures: 'Loading the test pictures…',
  picturesFailed: 'The test pictures could not be loaded: {error}',
  noModel: 'No model has been trained on {dataset} in this browser yet.',
  trainLink: 'Train a model on {dataset}',
  runWaiting: 'A training run on {dataset} is waiting: {label}.',
  modelFailed: 'The {dataset} model could not be started. Reload the page to try again.',
  model: 'Model: ',
  source: {
    label: 'Picture from',
    test: 'Test pictures',
    draw: 'Draw',
    camera: 'Camera',
    file: 'A file',
  },
  pick: {
    title: 'Test pictures',
    shape: '{n} of {total}',
    hint: 'The network never trained on these. Tap one to try it.',
    label: 'Test picture {i}: {name}',
    more: 'Show other pictures',
  },
  drawPad: {
    title: 'Your drawing',
    shape: '280×280 pixels',
    use: 'Try this drawing',
  },
  camera: {
    start: 'Start the camera',
    snap: 'Try this frame',
    denied: 'The camera could not be started ({reason}). Pick a test picture or open a file instead.',
  },
  file: {
    open: 'Open a picture (PNG or JPEG)',
    bad: '"{name}" is not a PNG or JPEG picture this page can read. The picture shown is unchanged.',
    tooBig: '"{name}": {problem} The picture shown is unchanged.',
    damaged: '"{name}" could not be decoded: it is probably damaged. The picture shown is unchanged.',
  },
  sees: {
    title: 'What the network sees',
    label: 'The picture as the network sees it',
    greyNote:
      'Shrunk to {h}×{w} grey pixels, bright where the picture is dark, as the training pictures were.',
    colourNote: 'Shrunk to {h}×{w} pixels, in colour: three numbers (red, green, blue) per pixel.',
    truth: 'The test set says: {name}.',
  },
  answerTitle: "The network's answer",
  answerShape: '{n} probabilities',
  empty: 'pick a picture',
  noModelShort: 'no model yet',
  explainLink: 'What does the network look at? (Explain)',
  placeholder: 'Pick, draw or open a picture and every layer of the network appears here.',
  datasetLink: 'Other datasets: ',
  modelLine: {
    using: '{dataset} model in Try it: {label}',
    none: 'No {dataset} model is used in Try it yet: train one, then choose "Use this model".',
    runNotKept: 'Latest {dataset} run: {label}. It is kept in this browser but not used yet.',
    keep: 'Use this model in Try it',
    kept: 'This run is now your {dataset} model: Try it uses it. The MNIST model of Draw is unchanged.',
    open: 'Try it',
  },
};
