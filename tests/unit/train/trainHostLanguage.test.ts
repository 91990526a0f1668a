import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en';
import { setMessages, type Messages } from '../../../src/i18n';
import { createTrainHost } from '../../../src/workers/trainHost';
import type { FromHost } from '../../../src/workers/trainProtocol';

/** Every English message with a marker in front: a stand-in translation. */
function marked(node: unknown): unknown {
  if (typeof node === 'string') return `[xx] ${node}`;
  return Object.fromEntries(Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, marked(v)]));
}

afterEach(() => setMessages(en));

describe('training host language', () => {
  it("speaks the page's language: init carries the messages, and the engine's errors from the host use them", async () => {
    const posted: FromHost[] = [];
    const host = createTrainHost((m) => posted.push(m), {
      inWorker: true,
      yieldNow: () => Promise.resolve(),
    });
    // Port 9 (discard) refuses at once: MNIST cannot load, and the engine says why in the given language.
    await host.handle({
      type: 'init',
      mnistBaseUrl: 'http://127.0.0.1:9/data/mnist/',
      backend: 'cpu',
      messages: marked(en) as Messages,
    });
    const error = posted.find((m) => m.type === 'error');
    expect(error, JSON.stringify(posted)).toBeDefined();
    expect(error?.type === 'error' && error.message).toMatch(/^\[xx\] /);
  });
});
