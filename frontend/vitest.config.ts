import { defineConfig, mergeConfig } from 'vitest/config';
// With its extension: Vite's native config loader (Node's own import, its planned default) finds no file by an
// extensionless path. tsconfig allows `.ts` imports for this (nothing is emitted; Vite bundles the app).
import viteConfig from './vite.config.ts';

// Unit tests only; browser tests live in e2e/ (vitest.e2e.config.ts). Two projects: components (`.tsx`, and the
// few `.ts` tests that need a document) run in jsdom, plain logic runs in Node, where a file does not pay for
// building a jsdom window (about a second each).
const needsDom = ['src/components/focusKeeper.test.ts'];

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      restoreMocks: true,
      unstubGlobals: true,
      projects: [
        {
          extends: true,
          test: {
            name: 'dom',
            environment: 'jsdom',
            // One module registry per worker, not per file (src/test/setup.ts puts shared state back per file).
            isolate: false,
            include: ['src/**/*.test.tsx', ...needsDom],
            setupFiles: ['src/test/setup.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            include: ['src/**/*.test.ts'],
            exclude: needsDom,
            setupFiles: ['src/test/setupNode.ts'],
          },
        },
      ],
    },
  }),
);
