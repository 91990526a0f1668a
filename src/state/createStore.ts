import { startTransition, useEffect, useState, useSyncExternalStore } from 'react';

/** A tiny external store: one value, immutable updates, read with `useStore` (tier 2 runtime state). */
export type Store<T> = {
  get: () => T;
  set: (update: Partial<T> | ((prev: T) => T)) => void;
  subscribe: (listener: () => void) => () => void;
};

export function createStore<T extends object>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(update) {
      const next = typeof update === 'function' ? update(value) : { ...value, ...update };
      if (next === value) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useStore<T extends object, S>(store: Store<T>, select: (value: T) => S): S {
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.get()),
    () => select(store.get()),
  );
}

/**
 * The store's whole value, with each change rendered as a transition: React renders it in slices that
 * yield to input, to worker messages and to the browser's frames, instead of in one task as
 * `useStore` (useSyncExternalStore) must. For live panels that repaint several times a second (the
 * Train area): on a slow laptop one synchronous render of the whole area was a 200 ms task. The value
 * may trail the store by a frame, so decisions that must not act twice (starting a run) read the
 * store itself.
 */
export function useStoreTransition<T extends object>(store: Store<T>): T {
  const [value, setValue] = useState(store.get);
  useEffect(() => {
    const update = () => startTransition(() => setValue(store.get()));
    // A change between the first render and this subscription would otherwise be missed.
    update();
    return store.subscribe(update);
  }, [store]);
  return value;
}
