/**
 * `p`, or a rejection with `makeError()` as soon as `signal` aborts, whichever comes first.
 * Why: a tfjs read-back on a lost WebGL context never settles, so a stop (or a backend loss) must not
 * wait for it. Without a signal, `p` itself. The abandoned promise is left to the dead backend.
 */
export function untilAborted<T>(
  p: Promise<T>,
  signal: AbortSignal | undefined,
  makeError: () => Error,
): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(makeError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(makeError());
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
