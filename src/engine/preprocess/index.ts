export * from './mnistStyle';
export * from './resample';
export * from './photo';
export * from './imageHeader';
