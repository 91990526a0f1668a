import type { BackendInfo } from '../engine';
import { createStore } from './createStore';

export type DataStatus =
  | { state: 'idle' }
  | { state: 'loading'; what: string; fraction: number }
  | { state: 'ready'; summary: string }
  | { state: 'error'; message: string };

export type BackendStatus =
  { state: 'starting' } | { state: 'ready'; info: BackendInfo } | { state: 'error'; message: string };

export type AppState = { backend: BackendStatus; data: DataStatus };

/** Runtime state the whole app shares: which backend runs, and how far MNIST has loaded. */
export const appStore = createStore<AppState>({ backend: { state: 'starting' }, data: { state: 'idle' } });
