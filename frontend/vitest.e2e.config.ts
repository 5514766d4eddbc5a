import { defineConfig } from 'vitest/config';
import { E2E_SERVERS } from './e2e/global-setup.ts';

// Browser tests: headless Chromium (playwright-core) against real backends started by e2e/global-setup.ts, one
// per worker, so files run E2E_SERVERS at a time. Against a server already running (TEND_E2E_BASE_URL), one at
// a time: files would see each other's changes.
const external = Boolean(process.env.TEND_E2E_BASE_URL);

export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: !external,
    maxWorkers: external ? 1 : E2E_SERVERS,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
