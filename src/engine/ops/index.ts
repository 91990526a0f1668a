export * from './activation';
export * from './conv2d';
export * from './geometry';
export * from './pool';
export * from './presets';
export * from './types';
export * from './convTf';
