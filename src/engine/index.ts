/** The engine's public surface. Other folders import from here only. */
export * from './backend';
export * from './backendProbe';
export * from './readback';
export * from './model/lenet';
export * from './data/idx';
export * from './data/mnist';
export * from './data/random';
export * from './data/batches';
export * from './model/modelIO';
export * from './ops';
export * from './preprocess';
export * from './model/predict';
export * from './softmax/softmaxRegression';
export * from './train/config';
export * from './train/evaluate';
export * from './train/trainer';
