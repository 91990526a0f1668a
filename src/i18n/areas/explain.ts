/** The Explain area (src/components/explain): why did the network decide? */
export const explain = {
  heading: 'Explain: what the network looks at',
  intro:
    'A network gives an answer, but not its reasons. These methods ask it, in different ways, which parts of the picture its answer depends on.',
  linkProblem: 'Link problem: {problem} Kept the previous value.',
  loading: 'Loading the model and the MNIST test digits…',
  computing: 'Working it out…',
  computingProgress: 'Working it out: {done} of {total} hidden-patch pictures ({eta})',
  etaSeconds: 'about {s} s left',
  failed: 'This map could not be computed: {reason}',
  modelFailed: 'The model could not be loaded: {reason}',
  notExplainable: 'This model cannot be explained here: {reason}',
  noConv:
    'This model has no convolution layers, so Grad-CAM (which reads a convolution layer’s maps) and the filter views do not apply. Occlusion and the gradient methods work on any model.',
  gradcamFallback:
    'Grad-CAM was asked for, but this model cannot give it, so the map shows {method} instead.',
  nothingDrawn:
    'Nothing has been drawn yet: draw a digit in the Draw area first. Showing the previous image.',
  mnistFailed: 'The MNIST test digits could not be loaded: {reason}',
  /** Another built-in dataset's picture ({dataset}: its name, e.g. Fashion-MNIST). */
  loadingPictures: 'Loading the {dataset} model and its test pictures…',
  picturesFailed: 'The {dataset} test pictures could not be loaded: {reason}',
  showMore: 'Show what each filter looks for and what the network learned',
  controls: {
    image: 'Picture',
    digitNumber: 'Test digit #',
    digitNumberLabel: 'MNIST test digit number (0–9999)',
    badNumber: 'The picture number must be a whole number from 0 to {last}, not "{text}".',
    random: 'Random digit',
    pictureNumber: '{dataset} test picture #',
    pictureNumberLabel: '{dataset} test picture number (0–{last})',
    randomPicture: 'Random picture',
    drawn: 'My drawn digit',
    model: 'Model',
    modelPretrained: 'Shipped LeNet-5',
    modelCurrent: 'The one Draw uses',
    method: 'Method',
    methodLabel: 'How to ask the network',
    patch: 'Patch',
    stride: 'Stride',
    noise: 'Noise',
    noiseValue: '{n} %',
    samples: 'Noisy copies',
    opacity: 'Map over picture',
    opacityValue: '{n} %',
    classLegend: 'Explain which answer?',
    classTop: 'Its answer ({digit})',
    classButton: '{digit}: {pct} %',
    classButtonLabel: 'Explain class {digit} (probability {pct} %)',
    notChanged: 'Not changed: {reason}',
    previous: '← Previous',
    previousLabel: 'Previous picture (Page Up)',
    next: 'Next →',
    nextLabel: 'Next picture (Page Down)',
    presentDigit: 'Digit #{n}',
    presentPicture: 'Picture #{n}',
    presentDrawn: 'Your drawing',
  },
  methods: {
    occlusion: 'Occlusion',
    gradient: 'Gradient',
    smoothgrad: 'SmoothGrad',
    gradcam: 'Grad-CAM',
  },
  about: {
    occlusion:
      'Cover a small square of the picture with paper (set its pixels to 0) and ask again. If the model becomes much less sure, it was looking there. The square slides like a filter: `value = P(c | picture) − P(c | picture with the square hidden)`. Red = hiding it hurt the answer; blue = hiding it helped.',
    gradient:
      'For every pixel: if this pixel got a little darker or lighter, how much would the score for the class change? That rate is the gradient `|∂z_c / ∂pixel|`, where `z_c` is the class’s score before softmax. Dark = a sensitive pixel.',
    smoothgrad:
      'A single gradient is speckled. SmoothGrad adds random noise to many copies of the picture, takes the gradient of each, and averages them: `(1/n) Σ |∂z_c / ∂x(picture + noise)|`. What survives the averaging is what matters.',
    gradcam:
      'Grad-CAM looks inside: at the last convolution layer’s maps. Each map gets a weight, the average gradient of the class score over that map (`α_k = mean ∂z_c/∂A_k`); the weighted maps are added, negatives dropped (`ReLU(Σ α_k A_k)`), and stretched onto the picture.',
  },
  colourNote: {
    gradient:
      'This is a colour picture: every pixel has three numbers (red, green, blue), so it has three gradients. The map shows the largest of the three: `max over channels |∂z_c / ∂pixel|`.',
    smoothgrad:
      'This is a colour picture: every pixel has three numbers (red, green, blue). For each noisy copy the map keeps the largest of the three gradients, `max over channels |∂z_c / ∂pixel|`, then averages.',
    occlusion:
      'This is a colour picture: the patch sets all three colours (red, green, blue) to 0, so the hidden square is black.',
    gradcam: 'The {camH}×{camW} Grad-CAM map is stretched onto the {h}×{w} colour picture.',
  },
  says: 'The model says {digit} ({pct} % sure).',
  noDatasetModel:
    'No {dataset} model is kept in this browser yet: train one in Train on {dataset}, choose "Use this model in Try it", then come back.',
  shapeMismatch:
    'The kept model reads pictures of {model} numbers but this picture has {picture}: train a new model on this dataset in Train.',
  trainLink: 'Train a model on {dataset}',
  pictureMissing: 'Test picture {index} of "{dataset}" does not exist: it has {count} test pictures.',
  explaining: 'Explaining “{digit}” ({pct} %).',
  whyNot: 'This is the evidence for “{digit}”, which the model did not choose.',
  panels: {
    picture: 'Picture with the map on top',
    pictureShape: '{h}×{w}',
    outlineNote: 'The digit’s outline is drawn in green.',
    outlineNotePicture: 'The picture’s outline is drawn in green.',
    pictureLabel: 'The picture with the {method} map laid over it',
    occluded: 'What the model sees at this step',
    occludedShape: '{h}×{w} · patch {patch}×{patch} at ({row}, {col})',
    occludedLabel: 'The picture with the patch hidden',
    occlusionMap: 'Occlusion map for “{digit}”',
    gradientMap: 'Gradient saliency for “{digit}”',
    smoothgradMap: 'SmoothGrad saliency for “{digit}”',
    gradcamMap: 'Grad-CAM for “{digit}” · {layer}',
    mapShape: '{h}×{w}',
    camShape: '{camH}×{camW} → {h}×{w}',
    mapLabel: 'The map of values',
    legendOcclusion: 'drop in P({digit}) when hidden',
    legendGradient: '|∂z/∂pixel|',
    legendGradcam: 'evidence for {digit}',
    stepReadout: 'Patch at row {row}, col {col}: P({digit}) goes from {base} to {hidden} ({diff}).',
    playerLabel: 'Occlusion',
    csvName: 'explain-{method}-{image}-class{digit}.csv',
  },
  filters: {
    title: 'What each filter wants',
    intro:
      'Each filter of a convolution layer looks at a small square of the picture, its **receptive field**. Here are, for every filter, the nine test digits whose square made it fire the most (one square per digit). Tap one to explain that digit.',
    find: 'Search the {n} test digits',
    progress: 'Searching: {done} of {total} test digits ({eta})',
    layerTitle: '{layer}: the squares each filter likes best',
    layerShape: '{n} filters · {k} squares of {size}×{size} pixels each',
    filter: 'filter {n}',
    where: 'test digit #{index}, map row {row}, col {col}',
    patchLabel: '{where}: activation {value}. Opens the digit in Explain.',
    caption: '#{index}',
    synthesise: 'Make each filter’s favourite picture',
    synthProgress: 'Making the pictures that excite {layer} most… {eta}',
    layerShapeMade: '{n} filters · a made-up picture and {k} squares of {size}×{size} pixels each',
    madeLabel: 'The picture made to excite filter {n} of {layer} as much as possible',
    madeCaption: 'made',
    /** A lesson on a projector: conv1's weights, one filter at a time, before any search. */
    weights: {
      pick: 'Which conv1 filter',
      caption: 'conv1 filter {n} · its 5×5 weights',
      label: 'The 5×5 weights of filter {n} of conv1: red where it wants ink, blue where it wants paper',
      words:
        'A first-layer filter fires most on a square shaped like its own weights: ink where they are red, paper where they are blue.',
    },
    /** The same words for a dataset of pictures (Fashion-MNIST's clothes) rather than digits. */
    pictures: {
      intro:
        'Each filter of a convolution layer looks at a small square of the picture, its **receptive field**. Here are, for every filter, the nine test pictures whose square made it fire the most (one square per picture). Tap one to explain that picture.',
      find: 'Search the {n} test pictures',
      few: 'This dataset has only {n} test pictures, so each filter shows all {n} of them, strongest first, instead of nine.',
      progress: 'Searching: {done} of {total} test pictures ({eta})',
      where: 'test picture #{index}, map row {row}, col {col}',
      patchLabel: '{where}: activation {value}. Opens the picture in Explain.',
    },
    synthIntro:
      'The first square in each row is **made up**: the network starts from a faint grey picture and changes it, step by step, in the direction that makes the filter fire more (**gradient ascent**: follow ∂activation/∂pixel uphill). Small random shifts, a blur, and a cost for too much ink keep it looking like strokes rather than noise.',
  },
  map: {
    title: 'A map of what it learned',
    intro:
      'Every test digit becomes a dot. On each map, digits that are **alike** end up **close together** (the maps are made by UMAP, which keeps near neighbours near). Left: alike as **raw pixels**, the 784 numbers of the picture. Right: alike for the **network**, in its last hidden layer, just before it scores the classes. If the network has learned what makes a 4 a 4, the colours separate better on the right. A black ring marks a digit the network got wrong.',
    /** Lesson 11's words: its step and question ask which map separates the colours, so they do not say. */
    lessonIntro:
      'Every test digit becomes a dot. On each map, digits that are **alike** end up **close together** (the maps are made by UMAP, which keeps near neighbours near). Left: alike as **raw pixels**, the 784 numbers of the picture. Right: alike for the **network**, in its last hidden layer, just before it scores the classes. Follow one colour on each map: does it make a group of its own, or is it mixed in with the others? A black ring marks a digit the network got wrong.',
    digitsLabel: 'The first {n} test digits, each drawn in the colour its dot gets on the map.',
    digitsCaption: 'The {n} digits of the quick map, each in its dot’s colour',
    makeQuick: 'Make a quick map ({n} digits)',
    makeFull: 'Make the full map (all {n} digits, up to a minute)',
    stage: {
      features: 'Running the network on {n} test digits…',
      pca: 'Squeezing {n} pictures to their 50 main directions…',
      neighbours: 'Finding each digit’s nearest neighbours…',
      layout: 'Placing {n} dots on the map…',
    },
    estimating: '(estimating the time)',
    cancel: 'Stop',
    failed: 'The map could not be made: {reason}',
    legend: 'True digit:',
    mistakeKey: 'got wrong ({n})',
    showMistakes: 'Ring the mistakes',
    nextMistake: 'Show the next mistake',
    allClasses: 'Show every digit',
    rawTitle: 'Alike as raw pixels',
    hiddenTitle: 'Alike for the network ({layer})',
    shape: '{n} digits · {dim} numbers each → 2-D',
    rawLabel: 'Map of {n} test digits placed by their raw pixels, coloured by their true digit.',
    hiddenLabel: 'Map of {n} test digits placed by the network layer {layer}, coloured by their true digit.',
    tapHint: 'Tap or click a dot to see its digit (it is marked on both maps).',
    digitName: 'Test digit #{index}',
    right: 'It is a {label}, and the network says {label}.',
    wrong: 'It is a {label}, but the network says {said}.',
    openExplain: 'Explain this digit',
    openDraw: 'See it in Draw’s layers',
    /** The same words for a dataset of pictures (Fashion-MNIST's clothes) rather than digits. */
    pictures: {
      intro:
        'Every test picture becomes a dot. On each map, pictures that are **alike** end up **close together** (the maps are made by UMAP, which keeps near neighbours near). Left: alike as **raw pixels**, the 784 numbers of the picture. Right: alike for the **network**, in its last hidden layer, just before it scores the classes. If the network has learned what makes a sneaker a sneaker, the colours separate better on the right. A black ring marks a picture the network got wrong.',
      makeQuick: 'Make a quick map ({n} pictures)',
      makeFull: 'Make the full map (all {n} pictures, up to a minute)',
      makeAll: 'Make the map (all {n} test pictures)',
      /** A dataset made or imported in Data; {perPixel} is perPixelGrey or perPixelColour. */
      introStored:
        'Every test picture becomes a dot. On each map, pictures that are **alike** end up **close together** (the maps are made by UMAP, which keeps near neighbours near). Left: alike as **raw pixels**, the {dim} numbers of a {h}×{w} picture ({perPixel}). Right: alike for the **network**, in its last hidden layer, just before it scores the classes. If the network has learned what tells the classes apart, the colours separate better on the right. A black ring marks a picture the network got wrong.',
      perPixelGrey: 'one per pixel, its brightness',
      perPixelColour: 'three per pixel: red, green and blue',
      tooSmall:
        'No map for "{dataset}": it has only {n} test pictures, and a map needs at least {min}, because UMAP places every picture near its {k} nearest neighbours. Add pictures in Data (a fifth of them become test pictures) to make one.',
      stage: {
        features: 'Running the network on {n} test pictures…',
        pca: 'Squeezing {n} pictures to their 50 main directions…',
        neighbours: 'Finding each picture’s nearest neighbours…',
        layout: 'Placing {n} dots on the map…',
      },
      legend: 'True class:',
      allClasses: 'Show every class',
      shape: '{n} pictures · {dim} numbers each → 2-D',
      rawLabel: 'Map of {n} test pictures placed by their raw pixels, coloured by their true class.',
      hiddenLabel:
        'Map of {n} test pictures placed by the network layer {layer}, coloured by their true class.',
      tapHint: 'Tap or click a dot to see its picture (it is marked on both maps).',
      digitName: 'Test picture #{index}',
      right: 'It is labelled “{label}”, and the network says “{label}”.',
      wrong: 'It is labelled “{label}”, but the network says “{said}”.',
      openExplain: 'Explain this picture',
    },
  },
  links: {
    fromDraw: 'Why? Explain this answer',
    fromTrain: 'Explain',
    fromTrainLabel: 'Explain test digit #{index}: what the model looked at',
    fromTrainLabelPicture: 'Explain test picture #{index}: what the model looked at',
    openDraw: 'Open in Draw',
  },
  codec: {
    image:
      'image="{raw}" is not a picture Explain knows: use mnist-test:<0–9999>, fashion-mnist-test:<0–9999> or drawn.',
    storedNoDataset:
      'image="{raw}" needs the dataset it comes from: add dataset=<name> (a dataset made or imported in Data).',
    storedUnknown: 'dataset="{name}" is not a dataset kept in this browser: make or import it in Data first.',
    storedRange: 'image=test:{index}: the dataset "{name}" has {count} test pictures, numbered 0 to {last}.',
    imageNumber:
      'image="{raw}": the test picture number after the colon must be a whole number from 0 to 9999, written with plain digits.',
    patchTooLarge: 'patch={patch} is larger than the {side}×{side} picture: a patch must fit inside it.',
    strideZero: 'stride=0 would never move the patch: the stride must be at least 1.',
    strideTooLarge: 'stride={stride} is larger than the {side}×{side} picture.',
    speed: 'speed must be one of {speeds} positions per second.',
    /** The kept value of `step` when there was none: the player at its end, the whole map shown. */
    lastStep: 'the last position',
  },
};
