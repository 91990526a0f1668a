import { createStore } from '../../state/createStore';
import type { DrawAction } from './strokes';

/**
 * The drawing itself, kept outside the component so a trip to the explorer (a click on a map) and back
 * finds the digit still there. Ephemeral: not in the URL, gone on reload.
 */
export const drawingStore = createStore<{ actions: readonly DrawAction[] }>({ actions: [] });
