/** Why did the network decide? Occlusion, gradient saliency, SmoothGrad, Grad-CAM and filter views. */
export * from './network';
export * from './occlusion';
export * from './saliency';
export * from './gradcam';
export * from './topPatches';
