import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The FastAPI backend in development; override with TEND_BACKEND_URL when it runs elsewhere.
const backend = process.env.TEND_BACKEND_URL ?? 'http://127.0.0.1:8000';
const proxiedPaths = ['/api', '/healthz', '/readyz', '/docs', '/openapi.json'];

export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    proxy: Object.fromEntries(proxiedPaths.map((path) => [path, { target: backend }])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks the browser keeps across app releases. Only name libraries every screen
        // uses: a catch-all node_modules group would pull lazy screens' heavy libraries into the first load.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 2 },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine[\\/](core|hooks|notifications)|@floating-ui|react-remove-scroll[^\\/]*|react-transition-group|react-style-singleton|use-callback-ref|use-sidecar|get-nonce|clsx|tslib)[\\/]/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
});
