/**
 * The app's MNIST service (src/state/mnistService.ts) against the real loader and a fake server that
 * streams packed files: a failed split stays failed, with no new request and no "Loading" in the
 * status, however many panels ask for it afterwards, until Try again (retryMnist) starts it again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DataStatus } from '../../../src/state/appStore';
import type * as StoreModule from '../../../src/state/appStore';
import type * as ServiceModule from '../../../src/state/mnistService';
import { fakeFetch, packFiles, tinyIdx, type Served } from '../data/fakeServer';

type Service = typeof ServiceModule;
type Store = typeof StoreModule;

const PAGE = 'http://school.test/app/';
// import.meta.env.BASE_URL is '/' under vitest, so the service asks for /data/mnist/ on the page's host;
// the fake server serves the app under /app/: forward one to the other.
const SERVER_BASE = 'http://school.test/app/data/mnist/';
const SERVICE_BASE = 'http://school.test/data/mnist/';

let service: Service;
let store: Store;
let served: Served;
let server: ReturnType<typeof fakeFetch>;
let seen: DataStatus['state'][];
let unsubscribe = () => {};

const packed = () => packFiles({ test: tinyIdx(30), train: tinyIdx(50) }).served;
/** Lets every pending promise, stream pull and timer-free continuation run. */
const settle = async () => {
  for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 0));
};

beforeEach(async () => {
  vi.resetModules();
  vi.stubGlobal('window', { location: { href: PAGE } });
  vi.stubGlobal('location', { href: PAGE });
  served = packed();
  server = fakeFetch(served);
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return server.fetch(url.replace(SERVICE_BASE, SERVER_BASE), init);
  });
  store = await import('../../../src/state/appStore');
  service = await import('../../../src/state/mnistService');
  seen = [];
  unsubscribe = store.appStore.subscribe(() => seen.push(store.appStore.get().data.state));
  // The first import transforms the whole engine (tfjs included): slow on a loaded machine.
}, 120_000);

afterEach(() => {
  unsubscribe();
  vi.unstubAllGlobals();
});

const imageRequests = (split: 'test' | 'train') =>
  server.state.requests.filter((p) => p.startsWith(`${split}-images`)).length;

describe('mnistService: a failed split stays failed until Try again', () => {
  it('loads the test set once and shares it', async () => {
    const a = await service.getMnist('test');
    const b = await service.getMnist('test');
    expect(a).toBe(b);
    expect(a.count).toBe(30);
    expect(imageRequests('test')).toBe(1);
    expect(store.appStore.get().data.state).toBe('ready');
  });

  it('after a failure, later calls get the same error with no new request and the status never leaves error', async () => {
    served['test-images.idx3.gz'] = 500;
    const first = await service.getMnist('test').catch((e: unknown) => e);
    expect(first).toBeInstanceOf(Error);
    expect(store.appStore.get().data.state).toBe('error');
    const errorMessage = (store.appStore.get().data as { message: string }).message;
    const requestsAfterFailure = server.state.requests.length;
    seen.length = 0;

    // Three panels ask again (an area opening, a lesson, the convolution explorer).
    const again = await Promise.allSettled([
      service.getMnist('test'),
      service.getMnist('test'),
      service.getMnist('test'),
    ]);
    await settle();
    expect(again.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(again.every((r) => r.status === 'rejected' && r.reason === first)).toBe(true);
    expect(server.state.requests.length).toBe(requestsAfterFailure);
    expect(seen.filter((s) => s !== 'error')).toEqual([]);
    expect(store.appStore.get().data).toEqual({ state: 'error', message: errorMessage });
  });

  it('a late progress event from the other file does not turn the error back into Loading', async () => {
    // The images answer 404 at once while the labels stream slowly, one byte per chunk.
    served['test-images.idx3.gz'] = 404;
    server.state.chunk = 1;
    await service.getMnist('test').catch(() => undefined);
    await settle();
    await settle();
    expect(store.appStore.get().data.state).toBe('error');
    const afterError = seen.slice(seen.indexOf('error'));
    expect(afterError.filter((s) => s !== 'error')).toEqual([]);
  });

  it('Try again (retryMnist) starts the failed split again and recovers once the server answers', async () => {
    const good = packed();
    served['test-images.idx3.gz'] = 500;
    await service.getMnist('test').catch(() => undefined);
    expect(imageRequests('test')).toBe(1);

    // Still broken: Try again makes exactly one new attempt, which fails again.
    service.retryMnist();
    await service.getMnist('test').catch(() => undefined);
    expect(imageRequests('test')).toBe(2);
    expect(store.appStore.get().data.state).toBe('error');

    // Fixed on the server: nothing happens by itself…
    served['test-images.idx3.gz'] = good['test-images.idx3.gz'] ?? 0;
    await service.getMnist('test').catch(() => undefined);
    expect(imageRequests('test')).toBe(2);
    expect(store.appStore.get().data.state).toBe('error');
    // …until Try again.
    seen.length = 0;
    service.retryMnist();
    const set = await service.getMnist('test');
    expect(set.count).toBe(30);
    expect(imageRequests('test')).toBe(3);
    expect(seen[0]).toBe('loading');
    expect(store.appStore.get().data.state).toBe('ready');
  });

  it('Try again leaves a split that loaded alone and retries only the one that failed', async () => {
    served['train-images.idx3.gz'] = 500;
    const test = await service.getMnist('test');
    await service.getMnist('train').catch(() => undefined);
    expect(store.appStore.get().data.state).toBe('error');
    expect(imageRequests('train')).toBe(1);

    served['train-images.idx3.gz'] = packed()['train-images.idx3.gz'] ?? 0;
    service.retryMnist();
    const train = await service.getMnist('train');
    expect(train.count).toBe(50);
    expect(imageRequests('test')).toBe(1);
    expect(imageRequests('train')).toBe(2);
    expect(await service.getMnist('test')).toBe(test);
    expect(store.appStore.get().data.state).toBe('ready');
  });

  it('counts each Try again that starts a download, so panels that got the failure ask again', async () => {
    const heard: number[] = [];
    const stop = service.onMnistRetry(() => heard.push(service.mnistRetries()));
    const before = service.mnistRetries();
    // Nothing has failed: Try again does nothing and tells nobody.
    await service.getMnist('test');
    service.retryMnist();
    expect(service.mnistRetries()).toBe(before);
    expect(heard).toEqual([]);

    served['train-images.idx3.gz'] = 500;
    await service.getMnist('train').catch(() => undefined);
    served['train-images.idx3.gz'] = packed()['train-images.idx3.gz'] ?? 0;
    service.retryMnist();
    expect(heard).toEqual([before + 1]);
    // A panel asking now gets the new download, not the old failure.
    expect((await service.getMnist('train')).count).toBe(50);
    stop();
    service.retryMnist();
    expect(heard).toEqual([before + 1]);
  });
});
