import { createStore } from './createStore';

/**
 * The digit last drawn in Draw, shared with the Convolution and Pooling areas (`image=drawn`):
 * 28×28 values in [0, 1] (0 = paper, 1 = full ink), row-major, or null before anything is drawn.
 * Draw writes it; the other areas only read it.
 */
export const lastDrawnDigit = createStore<{ pixels: Float32Array | null }>({ pixels: null });
