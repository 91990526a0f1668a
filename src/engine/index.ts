/** The engine's public surface. Other folders import from here only. */
export * from './backend';
export * from './readback';
export * from './model/lenet';
export * from './model/modelIO';
