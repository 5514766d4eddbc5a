import { afterEach, vi } from 'vitest';
import { initI18n } from '../i18n';

// Logic tests in Node: the English catalogue, and fetch fakes or other stubbed globals last one test only.
initI18n('en');

afterEach(() => {
  vi.unstubAllGlobals();
});
