import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The six-size layout sweep (tests/layout) has its own config, which runs its sizes side by side:
    // `npm run test:layout`, run alone: with it `npm test` does not fit CI's 25 minutes (docs/LAYOUT.md,
    // "CI budget").
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/support/e2eGlobalSetup.ts'],
    // The default report, plus the first try's error of any test that passed on its retry.
    reporters: ['default', './tests/support/retriedTestsReporter.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    // One browser at a time: the machines have two cores, and timing-sensitive panels need one.
    fileParallelism: false,
    // One more try for a test that fails: on a loaded 2-core CI machine a page can still be settling
    // when a step acts. A test that fails twice fails the run; a retried test is named in the report.
    retry: 1,
    // Most polls wait for a page to answer (a render, an IndexedDB write, a worker's message); Vitest's
    // default of 1 s is short for a 2-core CI machine under load, and a poll that passes early costs
    // nothing more.
    expect: { poll: { timeout: 10_000 } },
  },
});
