import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { initI18n } from '../i18n';

initI18n('en');

// Screens are lazy-loaded: the first find in a file waits for the module's first transform, which takes
// longer than Testing Library's 1 s default on a busy machine. Waiting is still for an element, not a time.
configure({ asyncUtilTimeout: 5000 });

// jsdom lacks these; Mantine's hooks expect them (see Mantine's testing guide).
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub;
window.HTMLElement.prototype.scrollIntoView = () => {};

afterEach(() => {
  cleanup();
  // Fetch fakes (src/test/fakeApi.ts) and other stubbed globals last one test only.
  vi.unstubAllGlobals();
  window.localStorage.clear();
});
