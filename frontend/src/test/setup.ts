import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import i18n from 'i18next';
import { afterEach, beforeAll, vi } from 'vitest';
import { sessionStore } from '../api/session';
import { forgetChosenLanguage, initI18n } from '../i18n';

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

// Component files share one module registry per worker (`isolate: false`: importing Mantine and the screens once,
// not once per file, halves the run). So each file starts from what a fresh page has: no session yet, English,
// nothing stored, no notification queued.
beforeAll(async () => {
  sessionStore.reset();
  forgetChosenLanguage();
  window.localStorage.clear();
  window.sessionStorage.clear();
  notifications.clean();
  notifications.cleanQueue();
  await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
  // Fetch fakes (src/test/fakeApi.ts) and other stubbed globals last one test only.
  vi.unstubAllGlobals();
  window.localStorage.clear();
});
