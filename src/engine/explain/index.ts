/** Why did the network decide? Occlusion, gradient saliency, SmoothGrad, Grad-CAM and filter views. */
export * from './network';
export * from './occlusion';
export * from './saliency';
export * from './gradcam';
export * from './topPatches';
export * from './hiddenFeatures';
export * from './pca';
// umapLayout is imported by the map's worker directly, so umap-js stays out of the page's bundle.
export type { UmapOptions, UmapPhase } from './umapLayout';
export * from './filterSynthesis';
