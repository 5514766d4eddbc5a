import { defineConfig, mergeConfig } from 'vitest/config';
// With its extension: Vite's native config loader (Node's own import, its planned default) finds no file by an
// extensionless path. tsconfig allows `.ts` imports for this (nothing is emitted; Vite bundles the app).
import viteConfig from './vite.config.ts';

// Unit tests only: components and helpers in jsdom. Browser tests live in e2e/ (vitest.e2e.config.ts).
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['src/test/setup.ts'],
      restoreMocks: true,
      unstubGlobals: true,
    },
  }),
);
