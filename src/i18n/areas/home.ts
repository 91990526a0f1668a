/** The home page (#/): what CNN Studio is, shown with a live network, and three ways in. */
export const home = {
  title: 'See how a neural network sees',
  lead: 'CNN Studio takes a real digit through a real convolutional network, right here in your browser: filters find strokes, pooling shrinks the maps, and the network names the digit.',
  pipelineLabel: 'A live network reading one handwritten digit',
  pipelineNote:
    'Computed just now on this computer by LeNet-5, trained on 60,000 handwritten digits (99% right on digits it never saw).',
  another: 'Another digit',
  stages: {
    input: 'The digit',
    inputShape: '28×28 pixels',
    conv: 'Filters find strokes',
    convShape: 'conv1 · 3 of 6 maps · 28×28',
    pool: 'Pooling shrinks them',
    poolShape: 'pool1 · 3 of 6 maps · 14×14',
    answer: 'The network says',
    answerShape: '10 scores',
  },
  digitAlt: 'MNIST test digit #{i}, a handwritten {label}',
  mapAlt: '{layer} map {n} of the digit',
  answerText: '{digit}',
  sure: '{pct}% sure',
  truth: 'The digit is a {label}.',
  loading: 'Loading the network and the digits…',
  failed: 'The live network could not start: {message}',
  waysLabel: 'Three ways in',
  ways: {
    learn: {
      kicker: 'Start here',
      title: 'Lessons',
      text: 'Ten short lessons, from a single pixel to a network that reads your handwriting. Each step has a live panel and a question.',
      go: 'Start lesson 1',
    },
    explore: {
      kicker: 'Play',
      title: 'Explorers',
      text: 'Slide a filter over an image one step at a time, and see every multiplication. Then shrink the maps with pooling.',
      go: 'Open the convolution explorer',
      pooling: 'Pooling explorer',
    },
    build: {
      kicker: 'Make your own',
      title: 'Train & draw',
      text: 'Train LeNet-5 on 60,000 digits in this tab, then draw a digit and watch every layer answer.',
      go: 'Train a network',
      draw: 'Draw a digit',
    },
  },
};
