/**
 * Kept runs and comparing them: the run store (src/engine/runs), the compare link, the Train page's
 * list and comparison (src/components/train/runs) and the one-click comparisons offered in Learn.
 */
export const compare = {
  record: {
    bad: 'A stored run is damaged: {field} {why}.',
    notRun: 'This is not a stored training run.',
    notNumber: 'is not a number',
    notWhole: 'is not a whole number',
    range: 'is outside {lo} to {hi}',
    notText: 'is not text of 1 to {max} characters',
    missing: 'is missing',
    option: 'is not one of the allowed values',
    tooLong: 'has more than {max} entries',
    badId: 'is not a run id',
    notDate: 'is not a date',
    bytes: 'holds {bytes} bytes where its weights need {want}',
    params: 'says {params} parameters where the weights hold {count} numbers',
  },
  store: {
    noStorage:
      'This browser cannot keep runs (its storage is switched off or unavailable), so runs are not kept for comparing.',
    exists: 'A run with the id {id} is stored already.',
    full: 'This run was not kept: {max} runs are stored already, the most this browser keeps. Delete a run you no longer need in “Your runs” and the next one will be kept.',
    quota: 'This run was not kept: the browser’s storage is full. Delete some runs or datasets.',
    failed: 'This run was not kept: {reason}',
  },
  link: {
    empty: 'compare: the link lists no runs.',
    tooMany: 'compare: the link lists {n} runs; a comparison shows at most {max}.',
    badId:
      'compare: “{part}” is not a run id (a run id is r followed by 6 to 16 small letters and digits, as in rmik3x2a9q).',
    twice: 'compare: run {id} is listed twice.',
    missing: {
      one: 'Run {ids} in this link is not kept in this browser. Runs stay on the computer that trained them.',
      other:
        'Runs {ids} in this link are not kept in this browser. Runs stay on the computer that trained them.',
    },
  },
  runs: {
    title: 'Your runs',
    shape: '{n} of {max} kept in this browser',
    intro:
      'Every run you train, or stop part-way, is kept here with its curves and weights. Tick two or more to compare them.',
    empty: 'No runs kept yet. Train a network and it appears here.',
    pickLabel: 'Compare {label}',
    restore: 'Use in Draw',
    restoreLabel: 'Use run {label} as your model in Draw and the lessons',
    delete: 'Delete',
    deleteSure: 'Really delete?',
    deleteLabel: 'Delete run {label}',
    deleted: 'Deleted the run {label}.',
    restored: '{label} is now your model: Draw and the lessons use it.',
    restoreFailed: 'This run could not be used: {why}',
    notDigits: 'Draw reads digits: this run learnt from {dataset}, so it stays here for comparing only.',
    unreadable: {
      one: '{n} stored run is damaged and is not shown.',
      other: '{n} stored runs are damaged and are not shown.',
    },
    kept: 'Run kept for comparing: {label}.',
    stopped: 'stopped',
    noAccuracy: 'no epoch finished',
    accuracy: '{pct}% on test',
  },
  label: {
    seconds: '{s} s',
    /** The network's name, then its settings: how a run is named in the legend, the list and the table. */
    run: '{name} · {settings}',
    settings: '{epochs}, {digits} pictures, {optimizer} {lr}, seed {seed}',
    epochs: { one: '{n} epoch', other: '{n} epochs' },
  },
  view: {
    title: 'Comparing {n} runs',
    shape: 'curves overlaid · one line style per run',
    pickOne: 'Tick one more run in “Your runs” to compare.',
    accuracy: 'Accuracy while training (%)',
    loss: 'Loss while training',
    axis: 'epochs',
    legend: 'Runs: each has its own colour, line style and marker',
    epochMark: 'Test accuracy after each epoch: the marker of its run',
    close: 'Close the comparison',
    table: {
      caption: 'How each run ended',
      run: 'Run',
      accuracy: 'Test accuracy',
      params: 'Parameters',
      time: 'Training time',
    },
    stoppedAt: '{pct}% (stopped)',
    none: '—',
  },
  experiments: {
    title: 'Compare two networks',
    intro:
      'One click trains two small networks one after the other, each for one pass over the same 6,000 digits with the same seed, then shows their curves side by side.',
    'mlp-vs-cnn': {
      title: 'MLP vs CNN',
      summary:
        'A network with no convolution at all (every pixel into 128 units) against LeNet-5. Which learns more from the same digits?',
      a: 'MLP (no convolution)',
      b: 'LeNet-5 (CNN)',
    },
    'relu-vs-sigmoid': {
      title: 'ReLU vs sigmoid',
      summary: 'LeNet-5 twice: once with ReLU, once with sigmoid. Which learns faster in one pass?',
      a: 'LeNet-5 with ReLU',
      b: 'LeNet-5 with sigmoid',
    },
    start: 'Train both and compare',
    startLabel: 'Train both and compare: {title}',
    panelTitle: 'One-click comparison: {title}',
    shape: '{n} runs, one after the other',
    preparing: 'Getting the trainer ready…',
    measuring: 'Timing a few training steps on this computer…',
    estimate: 'About {time} for both runs on this computer.',
    running: 'Run {n} of {total}: {name}',
    left: 'about {time} left',
    progress: 'Progress of both runs',
    stop: 'Stop',
    close: 'Close',
    stopped: 'Stopped: the comparison did not finish.',
    done: 'Both runs are done and shown below.',
    failed: 'The comparison stopped: {why}',
    needRoom:
      'Two runs need room: {n} of the {max} places for runs are taken. Delete runs you no longer need in “Your runs” on the Train page.',
    busy: 'A run is training already: stop it first.',
  },
};
