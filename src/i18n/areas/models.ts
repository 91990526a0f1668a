/**
 * Which LeNet Draw, Train and the lessons use (src/state/modelStore.ts, src/components/model).
 * `{acc}` is a percentage the app measured itself on the 10,000 MNIST test digits.
 */
export const models = {
  label: {
    pretrained: 'pretrained LeNet-5, {acc}%',
    pretrainedNoAcc: 'pretrained LeNet-5',
    mine: 'your model, {acc}%, {training}',
    mineNoAcc: 'your model, {training}',
    imported: 'your imported model ({name}), {acc}%',
    importedNoAcc: 'your imported model ({name})',
    run: '{acc}%, {training}',
    untrained: 'an untrained LeNet-5 with random weights (its guesses are noise)',
    epochs: { one: '{n} epoch', other: '{n} epochs' },
    onDigits: '{epochs} on {digits} digits',
    onPictures: '{epochs} on {digits} pictures',
    withArch: '{label} · layers {arch}',
  },
  using: 'Using: {label}',
  usingAlways: 'Using: {label}. This lesson always uses the shipped network, trained on 60,000 digits.',
  choose: 'Model for Draw and the lessons',
  pretrainedOption: 'Pretrained',
  mineOption: 'Yours',
  mineMissing: 'Your saved model could not be read, so the pretrained one is used.',
  keepRun: 'Use this model in Draw and the lessons',
  runKept: 'This run is now your model: Draw and the lessons use it.',
  runNotKept:
    'Latest training run: {label}. It is kept in this browser but not used yet: Draw and the lessons keep the model above until you choose it.',
  keepFailed: 'This run could not be kept: {error}',
  forget: 'Forget my models…',
  forgetAsk:
    'Delete every model trained or imported in this browser and go back to the pretrained LeNet-5? The next student starts fresh.',
  forgetYes: 'Yes, forget them',
  forgetNo: 'Cancel',
  forgot: 'Your models are forgotten: Draw and the lessons use the pretrained LeNet-5 again.',
  switchFailed: 'That model could not be used: {error}',
};
