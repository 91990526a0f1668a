import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores, which is a single worker on CI's two cores;
    // the unit tests are CPU-bound and independent, so both cores halve the wall time.
    maxWorkers: 2,
  },
});
