/**
 * Every user-visible sentence of the app shell and the lessons, in English. A translation is a file of
 * the same shape (type `Messages` in ./index.ts). `{name}` marks a value filled in at run time.
 * In lesson bodies a blank line starts a paragraph, `backticks` mark a formula and **stars** a new word.
 */
import { arch } from './areas/arch';
import { canvas } from './areas/canvas';
import { compare } from './areas/compare';
import { conv } from './areas/conv';
import { data } from './areas/data';
import { draw } from './areas/draw';
import { engine } from './areas/engine';
import { explain } from './areas/explain';
import { models } from './areas/models';
import { player } from './areas/player';
import { pool } from './areas/pool';
import { train } from './areas/train';
import { tryit } from './areas/tryit';
import { ui } from './areas/ui';
import { home } from './areas/home';

/**
 * Areas keep their text in ./areas/<area>.ts, nested here so `MessageKey` still sees every path.
 */
export const en = {
  arch,
  canvas,
  compare,
  conv,
  data,
  draw,
  engine,
  explain,
  models,
  player,
  pool,
  train,
  tryit,
  ui,
  home,
  shell: {
    brand: 'CNN\u00a0Studio',
    brandLabel: 'CNN Studio home',
    navLabel: 'Areas',
    loadingArea: 'Loading {area}…',
    status: {
      label: 'Status',
      compute: 'Compute',
      starting: 'starting…',
      mnist: 'MNIST',
      notLoaded: 'not loaded yet',
      loading: 'Loading {what}',
      retry: 'Try again',
    },
    crashed: {
      title: '{where} stopped working',
      others: 'The other areas still work. Reloading the page restarts this one.',
    },
    areas: {
      home: { title: 'Home', blurb: 'What CNN Studio is' },
      convolution: { title: 'Convolution', blurb: 'Slide a filter across an image' },
      pooling: { title: 'Pooling', blurb: 'Shrink a map, keep what matters' },
      train: { title: 'Train', blurb: 'Teach LeNet to read digits' },
      draw: { title: 'Draw', blurb: 'Draw a digit, watch every layer' },
      explain: { title: 'Explain', blurb: 'What the network looks at' },
      data: { title: 'Data', blurb: 'Your datasets, class by class' },
      learn: { title: 'Learn', blurb: 'Guided lessons' },
    },
  },
  learn: {
    linkLessonValue: "the lesson's own value",
    title: 'Learn',
    intro:
      'Eleven short lessons on how a convolutional network sees. Each step has a live panel you can play with; each lesson ends with a question or two. Arrow keys or a presentation clicker move through the steps.',
    lessonsLabel: 'Lessons',
    spotStart: 'Start lesson {n}',
    spotKeys: 'Page Down / Page Up: next or previous lesson · Enter: start it',
    lessonNumber: 'Lesson {n}',
    stepOf: 'Step {n} of {total}',
    questionOf: 'Question {n} of {total}',
    prev: 'Previous',
    next: 'Next',
    prevLabel: 'Previous step (left arrow or Page Up)',
    nextLabel: 'Next step (right arrow or Page Down)',
    allLessons: 'All lessons',
    nextLesson: 'Next lesson: {title}',
    finished: 'You have finished the last lesson.',
    present: 'Present',
    presentLabel: 'Present: full screen, large type (Escape leaves)',
    exitPresent: 'Leave presentation',
    exitPresentShort: 'Leave',
    stepLink: 'Link to this step',
    showAside: 'Show {what}',
    asideMaths: 'the maths',
    asideTable: 'the table',
    stepsNav: 'Steps of this lesson',
    goToStep: 'Go to step {n}: {title}',
    goToQuestion: 'Go to question {n}',
    keysHint: '← → or Page Up / Page Down move through the steps.',
    notFound: 'There is no lesson called “{id}”. Pick one from the list.',
    predict: 'Predict first, then check.',
    yourAnswer: 'Your answer',
    check: 'Check',
    tryAgain: 'Not quite. Have another look and try again.',
    right: 'Right!',
    revealed: 'The answer is {answer}.',
    reveal: 'Show the answer',
    notANumber: '“{value}” is not a number. Type digits, like 42 or 0.5.',
    pickOne: 'Pick one of the answers first.',
    questionTitle: 'Question',
    downloadPng: 'Download PNG',
    downloadPngLabel: 'Download PNG: {what}',
    loadingDigits: 'Loading the MNIST digits…',
    digitsFailed: 'The MNIST digits could not be loaded: {message}',
  },
  panels: {
    scalar: 'a scalar',
    vector: 'a vector',
    matrix: 'a matrix',
    cube: 'a stack of matrices',
    tensor4: 'a batch of stacks',
    ladderTitle: 'From a number to a 4-D tensor',
    rank: 'rank {n}',
    showRank: 'Show up to rank',
    digitTitle: 'MNIST test digit #{i} (a {label})',
    digitShape: '28×28×1',
    digitNumber: 'Digit #',
    pixelValues: 'Pixel values (÷ 255) around the middle',
    photoTitle: 'A colour picture as three channels',
    photoAlt: 'A small synthetic picture: blue sky, yellow sun, green hills and a red house',
    channel: '{name} channel',
    channelNames: { r: 'Red', g: 'Green', b: 'Blue' },
    batchTitle: { one: 'A batch of {n} digit', other: 'A batch of {n} digits' },
    batchSize: 'Batch size N',
    batchItem: 'Batch item {i}, digit {label}',
    bellTitle: 'Two bell curves and their convolution',
    bellPosition: 'Position t of the sliding bell',
    fixed: 'f: fixed bell',
    sliding: 'g: sliding bell',
    product: 'f·g (shaded area = value at t)',
    convCurve: '(f ∗ g)(t), drawn so far',
    curveKey: 'Key to the curves',
    play: 'Play',
    pause: 'Pause',
    stepBack: 'Step back',
    stepForward: 'Step forward',
    speed: 'Speed',
    position: 'Position',
    areaAt: 'Shaded area at t = {t}: {value}',
    grid1dTitle: 'The same idea on a row of numbers',
    input: 'Input',
    kernel: 'Kernel',
    output: 'Output',
    slideTitle: 'A 3×3 filter sliding over a 7×7 picture',
    windowAt: 'Window at row {r}, column {c} (counting from 0)',
    maths: 'At this position',
    products: '{maths}: pixel × weight',
    sumLine: 'sum = {sum}',
    hidden: '?',
    filterNames: {
      vertical: 'Vertical line',
      horizontal: 'Horizontal line',
      diagonal: 'Diagonal line',
      blur: 'Blur',
      sobelX: 'Edge (Sobel x)',
      identity: 'Identity',
    },
    filtersTitle: { one: '{n} filter on one digit', other: '{n} filters on one digit' },
    mapTitle: '{name} map',
    mysteryMap: 'Mystery map',
    volumeTitle: 'The maps as one volume',
    volumeShape: '[N, H, W, C] = [1, {h}, {w}, {c}]',
    filterInputTitle: 'What goes in: one grey digit and {n} filters',
    oneOfFilters: 'One of the {n} filters · 3×3',
    openExplorer: 'Open this in the Convolution explorer',
    calcTitle: 'Output-size calculator',
    inSize: 'Input size (height = width)',
    kSize: 'Filter size k',
    strideLabel: 'Stride s',
    paddingLabel: 'Padding p',
    dilationLabel: 'Dilation d',
    channelsLabel: 'Input channels',
    formula: 'out = ⌊(in + 2·p − d·(k−1) − 1) / s⌋ + 1',
    outputIs: 'Output: {out}×{out}',
    noFit:
      'The filter does not fit: it spans {span} cells but the padded input is only {padded} wide. Use a smaller filter or dilation, or add padding.',
    badSetting: '{what} must be a whole number from {min} to {max}; the last good value is kept.',
    positionsTitle: {
      one: 'Where the window lands ({n} position per row)',
      other: 'Where the window lands ({n} positions per row)',
    },
    strideAlt:
      'A {inSize}×{inSize} picture with padding {pad} (grey zeros around it); {positions}, one dot per output cell.',
    strideAltHidden:
      'A {inSize}×{inSize} picture with {pad} ring(s) of zero padding around it, and the first window.',
    strideKey: {
      title: 'Key',
      pixel: 'a pixel of the picture',
      padding: 'padding: a 0 added around the picture',
      window: 'the first window',
      tap: 'a filter weight (spread apart by dilation)',
      next: {
        one: 'the next window, {n} cell along (stride {n})',
        other: 'the next window, {n} cells along (stride {n})',
      },
      centre: 'one window position = one output cell',
    },
    rgbConvTitle: 'One 3×3×3 filter on a colour picture',
    perChannel: 'Each channel has its own 3×3 slice of the filter; the three results are added.',
    sumMap: 'Sum of the three',
    fnTitle: '{name}(x)',
    fnNames: { relu: 'ReLU', tanh: 'tanh', sigmoid: 'sigmoid' },
    fnFormula: {
      relu: 'ReLU(x) = max(0, x)',
      tanh: 'tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)',
      sigmoid: 'σ(x) = 1 / (1 + e⁻ˣ)',
    },
    activation: 'Activation',
    before: 'Before: vertical-line map',
    after: 'After {name}',
    poolTitle: '{kind} pooling, 2×2 window, stride 2',
    poolKinds: { max: 'Max', avg: 'Average' },
    poolKind: 'Pooling',
    poolMaths: { max: 'max of {values} = {result}', avg: '({values}) ÷ 4 = {result}' },
    pooledOnce: 'After one 2×2 pool',
    pooledTwice: 'After two 2×2 pools',
    original: 'The digit',
    softmaxIdea: 'Every pixel votes for every digit',
    softmaxDigit: 'MNIST test digit #{i}',
    softmaxWiring: '784 pixels, each connected to 10 outputs',
    softmaxIdeaText:
      'score(digit) = Σ pixel × weight + bias, for each of the 10 digits; softmax turns the 10 scores into probabilities.',
    train: 'Train the one-layer network',
    retrain: 'Train again',
    stop: 'Stop',
    training: 'Training: {done} of {total} steps',
    eta: 'about {s} s left',
    trainedOn: 'Trained on {n} digits in {s} s: {acc}% of the 10,000 test digits right',
    notTrained: 'Not trained yet: press “Train” (it takes a few seconds).',
    templatesTitle: 'The ten weight images (class templates)',
    templateFor: 'Weights of digit {d}',
    templatesLive: 'The ten templates, 784 weights each (one per digit 0 to 9), as they are now',
    templatesLiveCaption: 'The ten templates · 10 × 28×28',
    templatesStart:
      'Every weight starts at 0, so all ten templates are blank (white). Press Train and watch them fill in.',
    templatesForming: 'Each batch nudges the weights: red pixels push a digit’s score up, blue pull it down.',
    oneSevenTitle: 'Ones and sevens',
    confusion: '{a}s taken for {b}s: {n}',
    trainFailed: 'Training stopped: {message}',
    drawTitle: 'Draw a digit: LeNet reads it live',
    lenetLiveTitle: 'Test digit #{i} (a {label}) through LeNet-5',
    lenetReading: 'The network is reading the digit…',
    clear: 'Clear',
    modelLoading: 'Loading the trained network…',
    lenetTitle: 'LeNet-5, layer by layer',
    layer: 'Layer',
    shape: 'Output shape',
    params: 'Weights',
    total: 'Total',
    layers: {
      input: 'Input digit',
      conv1: 'Convolution: 6 filters 5×5, padding 2',
      pool1: 'Max pooling 2×2',
      conv2: 'Convolution: 16 filters 5×5×6',
      pool2: 'Max pooling 2×2',
      flatten: 'Flatten',
      dense1: 'Fully connected, 120',
      dense2: 'Fully connected, 84',
      output: 'Fully connected, 10 + softmax',
    },
    // Short names under LeNet's blocks on a projector (the table beside says what each layer does).
    layersShort: {
      input: 'input',
      conv1: 'conv1',
      pool1: 'pool1',
      conv2: 'conv2',
      pool2: 'pool2',
      flatten: 'flatten',
      dense1: 'dense1',
      dense2: 'dense2',
      output: 'output',
    },
    weightsN: '{n} weights',
    lenetPickLayer: 'Layer shown big',
    templatePick: 'Template shown big',
    lenetAnswer: "The network's answer:",
    lenetSure: '{pct}% sure',
    explain: {
      shape: 'test digit #{index} · 28×28 · the shipped LeNet-5',
      open: 'Open it in Explain',
      allFilters: 'Every filter of conv1 and conv2, nine squares each, in Explain',
    },
    links: {
      draw: {
        title: 'Draw a digit',
        text: 'Draw with the mouse or a finger and watch every layer react.',
        go: 'Open Draw',
      },
      explore: {
        title: 'Slide a real filter',
        text: 'Open the explorer on a test digit with the vertical-line filter.',
        go: 'Open Convolution',
        digit: 'Test digit #{index} · 28×28',
        output: 'What the vertical-line filter finds in test digit #0: 26×26 values',
      },
    },
  },
  lessons: {
    tensors: {
      title: 'Images are 4-D tensors',
      summary: 'A picture is a grid of numbers; colour and batches add more axes.',
      steps: {
        ladder: {
          title: 'Numbers in boxes',
          body: 'A single number, like 7, is a **scalar**. A list of numbers is a **vector**. A grid with rows and columns is a **matrix**.\n\nEach time we nest the boxes one level deeper we add an **axis**. The number of axes is the **rank**: a scalar has rank 0, a vector rank 1, a matrix rank 2.',
        },
        ladder4: {
          title: 'Up to four axes',
          body: 'Stack matrices and you get a cube (rank 3). Put several cubes side by side and you have rank 4.\n\nAny box of numbers with some rank is called a **tensor**. Its **shape** lists the length of each axis, like `[2, 3]` for 2 rows and 3 columns.',
        },
        gray: {
          title: 'A greyscale digit',
          body: 'This handwritten digit from MNIST is a 28×28 grid. Each cell is one **pixel**: 0 for white paper, 1 for full ink (the file stores 0–255, we divide by 255).\n\nA network also wants to know how many values sit in each pixel: here just one, so the shape is `28 × 28 × 1` (height × width × **channels**).',
        },
        rgb: {
          title: 'A colour picture is three grids',
          body: 'A colour screen mixes red, green and blue light. So a colour picture stores three numbers per pixel, one per **channel**.\n\nThis 24×24 picture is three 24×24 grids stacked: shape `24 × 24 × 3`. Dark in a channel map means a lot of that colour.',
        },
        batch: {
          title: 'A batch: the fourth axis',
          body: 'Networks look at many images at once, a **batch**, because computers are fast at doing the same sum many times.\n\nStack N images and the shape becomes `N × H × W × C`: number of images × height × width × channels. That is the 4-D tensor a convolutional network eats.',
        },
      },
      questions: {
        pixels: {
          prompt: 'How many numbers does one 28×28 greyscale digit hold?',
          explain: '28 rows × 28 columns × 1 channel = 784 numbers.',
        },
        batchShape: {
          prompt:
            'A batch of 32 colour photos, each 64 pixels tall and 64 wide. What is its shape (N × H × W × C)?',
          options: { a: '64 × 64 × 3', b: '3 × 64 × 64 × 32', c: '32 × 64 × 64 × 3', d: '32 × 64 × 64 × 1' },
          explain: 'N = 32 images, H = W = 64, and C = 3 channels for red, green and blue.',
        },
      },
    },
    'convolution-of-functions': {
      title: 'Convolution of two functions',
      summary: 'Slide one curve over another and measure how much they overlap.',
      steps: {
        bells: {
          title: 'Two bell curves',
          body: 'Here are two bell-shaped curves. The black one, f, stays put. The blue one, g, can slide left and right; t is where its centre is.\n\nDrag the slider or press Play to move it.',
        },
        overlap: {
          title: 'Multiply where they overlap',
          body: 'At every point we multiply the two heights: `f(x) · g(x)`. Where either curve is near zero, the product is near zero too.\n\nThe shaded area under the product measures how much the two curves overlap at this position t.',
        },
        curve: {
          title: 'The convolution curve',
          body: 'Write that area down for every position t and you draw a new curve, the **convolution** `(f ∗ g)(t) = ∫ f(x)·g(x − t) dx`.\n\nIt is highest where the bells sit on top of each other and fades as they move apart. The word comes from Latin *convolvere*, to roll together.',
        },
        grid: {
          title: 'The same idea on a row of numbers',
          body: 'Computers work with lists of numbers, not smooth curves. So the integral becomes a sum: slide a short list (the **kernel**) along a longer one, multiply the numbers that line up, and add.\n\n`out[i] = x[i]·k[0] + x[i+1]·k[1] + x[i+2]·k[2]`',
        },
        grid2d: {
          title: '…and on a grid',
          body: 'Pictures are 2-D, so the kernel becomes a small square that slides across rows and columns. This 3×3 blur kernel averages each 3×3 patch.\n\nThat sliding square is exactly what a convolutional network does: the next lesson looks at it closely.',
        },
      },
      questions: {
        peak: {
          prompt: 'Before you press Play: where will the convolution curve be highest?',
          options: {
            a: 'When the sliding bell is far to the left',
            b: 'When the two bells sit on top of each other (t = 0)',
            c: 'It is the same everywhere',
          },
          explain:
            'The product f·g is largest where both curves are high at the same place, which happens when their centres meet.',
        },
        sum: {
          prompt: 'The kernel [1, 2, 1] sits over the numbers 3, 1, 0. What number goes into the output?',
          explain: '3·1 + 1·2 + 0·1 = 3 + 2 + 0 = 5.',
        },
      },
    },
    'sliding-filter': {
      title: 'A filter sliding across an image',
      summary: 'At each stop: multiply, add, write one number into the map.',
      steps: {
        window: {
          title: 'The window',
          body: 'A **filter** (or kernel) is a small grid of weights, here 3×3. It starts in the top-left corner of the picture.\n\nThis filter has 2s down its middle column and −1s on the sides, so it likes vertical lines.',
        },
        dot: {
          title: 'A dot product at each stop',
          body: 'At each position we multiply every pixel under the window by the weight on top of it and add the nine products: a **dot product**.\n\n`sum = Σ pixel × weight`. A big sum means “this patch looks like my pattern”.',
        },
        fill: {
          title: 'The activation map',
          body: 'The window moves one step to the right, like a typewriter, then down a row. Each sum fills one cell of a new grid, the **activation map** (or feature map).\n\nA 7×7 picture with a 3×3 filter gives a 5×5 map: the filter fits 5 times across and 5 times down.',
        },
        digit: {
          title: 'On a real digit',
          body: 'The same vertical-line filter on a 28×28 digit. Red cells are where it found vertical strokes, blue where the ink runs the other way.\n\nOpen the explorer to watch the window move and see the numbers at every stop.',
        },
      },
      questions: {
        dotValue: {
          prompt:
            'The window (outlined) covers the middle of the vertical bar. Predict the sum: middle column 1, 1, 1 under weights 2; side columns 0.',
          explain: 'Three products of 1 × 2 in the middle column, zeros on the sides: 2 + 2 + 2 = 6.',
        },
        whichFilter: {
          prompt: 'Which filter made this mystery map?',
          options: { a: 'Horizontal line', b: 'Vertical line', c: 'Blur' },
          explain:
            'The map lights up along the horizontal strokes of the digit, so the filter has its large weights along a row.',
        },
      },
    },
    'stride-padding': {
      title: 'Stride, padding and dilation',
      summary: 'How far the window jumps, what happens at the edges, and the size of the result.',
      steps: {
        basic: {
          title: 'How big is the map?',
          body: 'A 3×3 filter on a 7×7 input fits in 5 places across (starting at columns 1 to 5), so the map is 5×5.\n\nIn general: `out = in − k + 1`. Here `7 − 3 + 1 = 5`.',
        },
        mnist: {
          title: 'An MNIST digit',
          body: 'LeNet uses 5×5 filters on 28×28 digits: `28 − 5 + 1 = 24`, so every map is 24×24.\n\nEach layer shrinks the picture a little, because the window cannot hang off the edge.',
        },
        stride: {
          title: 'Stride: bigger jumps',
          body: 'The **stride** is how many cells the window jumps each time. With stride 3, a 3×3 filter on a 30×30×3 colour picture lands on 10 places across: the map is 10×10.\n\nThe depth 3 does not change the map size: the filter is 3×3×3 and adds the three channels together.',
        },
        padding: {
          title: 'Padding: a frame of zeros',
          body: '**Padding** adds a frame of zero cells around the input, so the window can sit on the edge pixels too.\n\nWith padding 1, a 3×3 filter keeps a 7×7 input at 7×7 (“same” size). The full formula: `out = ⌊(in + 2·p − d·(k−1) − 1) / s⌋ + 1`.',
        },
        dilation: {
          title: 'Dilation: spread the filter out',
          body: "**Dilation** spreads the filter's cells apart with gaps. A 3×3 filter with dilation 2 covers a 5×5 area but still has only 9 weights.\n\nThat lets a layer see a wider area without more weights: `7 − 2·(3−1) = 3`, so the map is 3×3.",
        },
      },
      questions: {
        size32: {
          prompt: 'A 32×32 input, a 5×5 filter, stride 1, no padding. How wide is the map?',
          explain: '32 − 5 + 1 = 28.',
        },
        size9: {
          prompt: 'An 11×11 input, a 3×3 filter, stride 2, padding 1. How wide is the map?',
          explain: '⌊(11 + 2·1 − 1·(3−1) − 1) / 2⌋ + 1 = ⌊10 / 2⌋ + 1 = 6.',
        },
      },
    },
    'filter-stack': {
      title: 'Many filters make a volume',
      summary: 'Each filter finds one pattern; their maps stack into a new tensor.',
      steps: {
        bank: {
          title: 'One filter, one pattern',
          body: 'A layer does not use one filter but many. Each one looks for its own pattern: vertical lines, horizontal lines, diagonals, blurry blobs.\n\nEach filter makes its own activation map of the same digit.',
        },
        volume: {
          title: 'The maps are a new tensor',
          body: 'Stack the maps and you get a volume: height × width × one **channel** per filter. With 4 filters on a 28×28 digit (no padding) the shape is `[1, 26, 26, 4]`.\n\nThe next layer treats these 4 maps the way the first layer treated the 3 colours of a photo.',
        },
        rgb: {
          title: 'Colour input: sum over channels',
          body: 'For a colour picture a filter is 3×3×3: one 3×3 slice per channel. Each slice runs over its own channel, and the three results are added (plus a **bias**, one extra number).\n\n`map = R ∗ k_R + G ∗ k_G + B ∗ k_B + bias`',
        },
      },
      questions: {
        shape: {
          prompt: '8 filters of 3×3 run over one 28×28 grey digit with no padding. What shape comes out?',
          options: { a: '[1, 28, 28, 8]', b: '[1, 26, 26, 8]', c: '[8, 3, 3, 1]' },
          explain:
            'Each map is 28 − 3 + 1 = 26 wide and tall, and there is one map per filter: [1, 26, 26, 8].',
        },
        weights: {
          prompt:
            'How many weights does one 3×3 filter for a colour (RGB) picture have, not counting the bias?',
          explain: '3 × 3 cells × 3 channels = 27 weights.',
        },
      },
    },
    nonlinearities: {
      title: 'Nonlinearities',
      summary: 'ReLU, tanh and sigmoid bend the numbers after each convolution.',
      steps: {
        why: {
          title: 'Why bend the numbers?',
          body: 'Convolutions only multiply and add. Stack many of them and you still only multiply and add: the whole network would be one big convolution.\n\nSo after each one we pass every number through a simple curve, an **activation function**. Pick one to see its shape.',
        },
        relu: {
          title: 'ReLU: keep the positives',
          body: '**ReLU** keeps positive numbers and turns negatives into 0: `ReLU(x) = max(0, x)`.\n\nOn the map, every blue (negative) cell becomes white: only the places where the filter found its pattern survive. Most modern networks use ReLU because it is cheap and trains well.',
        },
        tanh: {
          title: 'tanh: squash into −1…1',
          body: '**tanh** squashes any number into the range −1 to 1, keeping its sign. Big values all end up close to ±1.\n\nThe 1998 LeNet used tanh-like squashing.',
        },
        sigmoid: {
          title: 'Sigmoid: squash into 0…1',
          body: 'The **sigmoid** `σ(x) = 1 / (1 + e⁻ˣ)` squashes every number into 0 to 1: large positives end up nearly 1, large negatives nearly 0.\n\nThe map loses its white zeros: every cell is now somewhere between 0 and 1, even where the filter found nothing.',
        },
      },
      questions: {
        reluNeg: {
          prompt: 'What is ReLU(−2.5)?',
          explain: 'ReLU turns every negative number into 0.',
        },
        sigmoidZero: {
          prompt: 'What is sigmoid(0)?',
          options: { a: '0', b: '0.5', c: '1' },
          explain: 'σ(0) = 1 / (1 + e⁰) = 1 / 2 = 0.5.',
        },
      },
    },
    pooling: {
      title: 'Pooling',
      summary: 'Shrink a map by keeping one number per window.',
      steps: {
        max: {
          title: 'Max pooling',
          body: '**Pooling** shrinks a map. A 2×2 window jumps 2 cells at a time (stride 2) and keeps one number per window. **Max pooling** keeps the largest.\n\nAn 8×8 map becomes 4×4: a quarter of the numbers. Step through the windows to see which cell wins.',
        },
        avg: {
          title: 'Average pooling',
          body: '**Average pooling** keeps the mean of the window instead: `(a + b + c + d) ÷ 4`.\n\nIt keeps a softer summary; max pooling keeps the strongest signal.',
        },
        digit: {
          title: 'Pooling a digit',
          body: 'A 28×28 digit pooled once is 14×14: still clearly the same digit, with a quarter of the numbers to process.\n\nThe network cares that a stroke is *about here*, not at exactly which pixel.',
        },
        lost: {
          title: 'What is lost',
          body: 'Pool again and we are at 7×7: the digit is blocky. The exact positions inside each window are gone for good, and no later layer can get them back.\n\nThat is the price of pooling; the gain is speed and a little tolerance to shifts.',
        },
      },
      questions: {
        size: {
          prompt:
            'LeNet’s second convolution makes 10×10 maps. After one 2×2 pool with stride 2, how wide is each map?',
          explain: '10 ÷ 2 = 5: each window of 2 columns becomes one column.',
        },
        maxOf: {
          prompt: 'The outlined window holds 0.1, 0.6, 0 and 0.2. What does max pooling keep?',
          explain: 'The largest of the four: 0.6.',
        },
      },
    },
    'softmax-templates': {
      title: 'Why ordinary networks struggle',
      summary: 'Train a one-layer network here and look at what it learns.',
      steps: {
        idea: {
          title: 'One layer, ten scores',
          body: 'The simplest network connects every one of the 784 pixels straight to 10 outputs, one per digit. Each output adds up pixel × weight for all pixels, plus a bias.\n\n**Softmax** turns the 10 scores into probabilities that add up to 1: `p(d) = e^score(d) / Σ e^score`. This is **softmax regression**.',
        },
        train: {
          title: 'Train it, right here',
          body: "Press Train. The network sees digits in small batches and nudges its weights to make the right digit's score higher (**gradient descent**).\n\nIt runs on this computer, in a few seconds, and then checks itself on 10,000 digits it never saw.",
        },
        templates: {
          title: 'Each digit gets one template',
          body: "Each output's 784 weights can be drawn as a 28×28 picture. Red pixels push the score up, blue pull it down.\n\nEach picture is a blurry **template**: roughly an average of all the ways people write that digit. The network can only ask “does this digit cover my template?”",
        },
        oneSeven: {
          title: 'Ones and sevens',
          body: 'A 1 and a 7 share the long stroke. Since the 7-template must also accept sevens written without a clear top bar, the bar gets only weak weights, so some 7s score as 1s and some 1s as 7s.\n\nPeople just check for the top bar. A one-layer network has no “top bar” detector: only single pixels.',
        },
        conv: {
          title: 'Filters learn parts, not whole digits',
          body: 'A convolutional layer learns small filters (strokes, edges, corners) and reuses them everywhere in the picture. Later layers combine parts into digits.\n\nThese hand-made filters already show the idea; in Train you can watch LeNet learn its own.',
        },
      },
      questions: {
        weights: {
          prompt:
            'How many numbers does the one-layer network learn? (784 pixels connect to 10 outputs, plus one bias per output.)',
          explain: '784 × 10 + 10 = 7,850.',
        },
        serif: {
          prompt: 'Someone writes a 1 with a small flag at the top. What might the one-layer network answer?',
          options: { a: '0', b: '7', c: '8' },
          explain: 'The flag covers pixels that the 7-template rewards, so the 7 score rises.',
        },
      },
    },
    lenet: {
      title: 'LeNet end to end',
      summary: 'Convolution and pooling twice, then fully connected layers.',
      steps: {
        overview: {
          title: 'The whole network',
          body: 'LeNet-5 (Yann LeCun and colleagues, 1998) reads digits in stages. Follow the shapes down the table: each layer turns one tensor into the next.\n\n`28×28×1 → 28×28×6 → 14×14×6 → 10×10×16 → 5×5×16 → 120 → 84 → 10`',
        },
        features: {
          title: 'Convolution, pooling, again',
          body: 'The first convolution finds strokes with 6 filters; pooling halves the size. The second convolution combines strokes into parts (16 filters, each 5×5×6: it looks through all 6 maps at once); pooling halves again.\n\nThe picture shrinks while the number of channels grows.',
        },
        dense: {
          title: 'Fully connected at the end',
          body: "The 5×5×16 = 400 numbers are laid out in one row (**flatten**). Then come **fully connected** layers, like lesson 8's network but stacked: 120, then 84, then 10 outputs with softmax.\n\nThey decide which digit the parts add up to.",
        },
        live: {
          title: 'Watch it read a digit',
          body: 'Here is the real network, trained on 60,000 digits, reading a test digit it never saw. Follow it down: 6 stroke maps, pooled; 16 part maps, pooled; 400 numbers; 120; 84; and 10 probabilities.\n\nChange the digit number to try others. Dark cells in a map mean “my pattern is here”.',
        },
        params: {
          title: 'Where the weights are',
          body: 'Count the weights: the convolutions have few (filters are small and reused everywhere), the first dense layer has most.\n\nA filter with 5×5 weights + 1 bias, 6 of them: `6 × (5·5·1 + 1) = 156`.',
        },
      },
      questions: {
        conv2: {
          prompt:
            'Suppose conv2 used 3×3 filters instead of 5×5 on the 14×14×6 maps, with no padding. How wide would its maps be?',
          explain: '14 − 3 + 1 = 12. (With the real 5×5 filters: 14 − 5 + 1 = 10.)',
        },
        outputs: {
          prompt: 'The last layer gives out 10 numbers. Why 10?',
          options: {
            a: 'LeNet-5 has 10 layers',
            b: 'It reads 10 digits at a time',
            c: 'One for each digit 0–9: how sure it is that the picture shows that digit',
          },
          explain: 'One probability for each digit 0–9; the largest is the answer.',
        },
      },
    },
    'train-and-draw': {
      title: 'Train it yourself, then draw',
      summary: 'Train LeNet in the browser, then watch it read your handwriting.',
      steps: {
        train: {
          title: 'Train LeNet here',
          body: 'Now you teach the network yourself, right in this tab. It starts knowing nothing: every weight is a small random number, so at first it is right about 1 time in 10, a pure guess.\n\nPress a run. The network looks at 128 digits at a time, measures how wrong it was, and nudges every weight a little to be less wrong: `weight ← weight − learning rate × gradient`. One pass over all 60,000 training digits is one **epoch**.\n\nThe **test accuracy** is checked at the end of each epoch on 10,000 digits it never trained on. With seed 1 the whole class gets the same curves.',
        },
        watch: {
          title: 'Watch it learn',
          body: 'Look inside while it trains. The 6 conv1 filters start as random speckles and turn into stroke detectors, light on one side and dark on the other, like the hand-made ones in lesson 3.\n\nOn the right every layer reacts to one test digit, a few times a second. At first the 10 output bars are all about the same (a guess); as it learns, one bar grows tall.\n\nThe **loss** says how wrong it is: `loss = −log(probability given to the right digit)`. Sure and right costs almost 0; sure and wrong costs a lot.',
        },
        draw: {
          title: 'Draw a digit',
          body: 'Write a digit in the box with the mouse or a finger. The line under the answer says which network is reading it: the pretrained one that ships with the app, or yours if you chose it after training (switch between them there).\n\nYour drawing is shrunk to 28×28, the same way MNIST was made. Try a 1 with a flag, a 7 without a bar, a digit drawn small in a corner.',
        },
        explore: {
          title: 'Keep exploring',
          body: 'The Convolution and Pooling areas let you set every number yourself: any filter, stride, padding and dilation, step by step.\n\nEvery setting is in the link, so you can send a classmate exactly what you see.',
        },
      },
      /** The panel that trains LeNet inside the lesson (src/components/learn/panels/TrainMiniPanel.tsx). */
      panel: {
        title: 'Train LeNet-5 in this tab',
        watchTitle: 'Watch it learn, layer by layer',
        shape: '60,000 training digits · seed 1',
        quick: {
          button: 'Quick run: 1 epoch',
          words: 'Each of the 60,000 training digits seen once: 15 to 20 seconds, about 98% right.',
        },
        full: {
          button: 'Full recipe: 2 epochs',
          words:
            'Each digit seen twice, in steps that start big and shrink: 1 to 2 minutes, about 99% right.',
        },
        running:
          'Pause freezes the run. Stop ends it; the network saved at the end of the last whole epoch is kept, and you choose whether Draw uses it.',
        done: 'Finished: {pct}% of the 10,000 test digits right after {time} of training.',
        tryIt: 'Try it: draw a digit',
        timeNote:
          'Times are for a 2-core laptop without a graphics card; “time left” gives the real estimate here.',
        openTrain: 'Open the full Train area (confusion matrix, worst mistakes, every setting)',
        filtersNote: 'Each is 25 weights: red adds ink, blue subtracts it.',
        filtersEmpty: 'Start a run to see them.',
        layersNote:
          'Refreshed a few times a second while training. Each row has its own colour key: white is zero, darker is a stronger signal.',
        layersEmpty: 'Start a run to see the layers come alive.',
      },
      questions: {
        why99: {
          prompt: 'LeNet gets about 99% of test digits right; the one-layer network about 92%. Why?',
          options: {
            a: 'Its filters find strokes anywhere in the picture, and later layers combine them into parts',
            b: 'It trains for longer',
            c: 'It looks at bigger pictures',
          },
          explain:
            'Small shared filters detect parts wherever they appear; stacked layers combine parts into whole digits.',
        },
      },
    },
    'what-it-looks-at': {
      title: 'What does it look at?',
      summary:
        'Ask the trained network why it answered: hide parts, follow gradients, see what each filter wants.',
      steps: {
        occlusion: {
          title: 'Hide a part, see what changes',
          body: 'The network says test digit #61 is an 8. But which pixels made it say so? The simplest way to ask: cover a small square of the picture with black and run the network again.\n\nIf the probability of "8" drops a lot, that square held evidence for 8. The map shows the drop for every position of the square: `drop = P(8 | picture) − P(8 | picture with the square hidden)`. Red means hiding it hurt the answer; blue means hiding it *helped*.',
        },
        gradient: {
          title: 'Which pixels would change the score?',
          body: 'Hiding squares needs hundreds of runs. The **gradient** asks every pixel at once: if this pixel got a little brighter, how much would the score of the answer change? That is `∂score / ∂pixel`, worked out backwards through the layers in one pass (the same backpropagation that trains the network).\n\nDark pixels are the ones the score is most sensitive to. The map is noisy: the gradient only looks at tiny changes.',
        },
        gradcam: {
          title: 'Grad-CAM: where in the last conv layer',
          body: 'Grad-CAM looks at the last convolution layer, whose 16 maps still know *where* things are. It weighs each map by how much the score depends on it, adds them up, and keeps only the positive evidence: `cam = ReLU(Σ α_k · map_k)`.\n\nThe result is coarse (the maps are small), stretched back over the picture. It shows the regions, not single pixels.',
        },
        filters: {
          title: 'What each filter wants',
          body: 'Now turn the question around: not "why this answer?" but "what does this filter look for?".\n\nSearch the 10,000 test digits for the squares that make each filter fire most: conv1 filters like short edges at one angle, conv2 filters like bigger pieces of strokes, bends and crossings. Then let the network **make up** the picture each filter likes best, by gradient ascent.',
        },
        map: {
          title: 'A map of everything it learned',
          body: 'Last, all 10,000 test digits at once. Each becomes a dot; alike digits land close together. On the left, "alike" means similar pixels. On the right, it means similar numbers in the network\u2019s last hidden layer, just before it decides.\n\nMake the quick map and compare: where are the colours mixed, and where are they separated? Tap the ringed dots: those are the digits it got wrong.',
        },
      },
      questions: {
        occlusionDrop: {
          prompt:
            'You hide a square and the probability of the answer drops from 0.95 to 0.40. What does that say about the square?',
          options: {
            a: 'It held evidence the network used for its answer',
            b: 'The network did not look at it',
            c: 'The network was wrong about the digit',
          },
          explain:
            'A big drop means the answer depended on what was there: without it the network is far less sure. A square it ignored would change almost nothing.',
        },
        mapSeparates: {
          prompt: 'On which map are the ten colours better separated into their own groups?',
          options: {
            a: 'The network\u2019s last hidden layer (right)',
            b: 'The raw pixels (left)',
            c: 'Both the same',
          },
          explain:
            'Training made the hidden layer put digits of the same class close together, even ones that look different as pixels (a 7 with and without a bar). That is what makes the last step, picking the class, easy.',
        },
      },
    },
  },
};
