import { defineConfig } from 'vitest/config';

// Browser tests: headless Chromium (playwright-core) against a real backend started by e2e/global-setup.ts.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
