import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, waitFor } from '@testing-library/react';
import i18n from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionStore } from '../../api/session';
import type { User } from '../../api/types';
import { chooseLanguage, forgetChosenLanguage } from '../../i18n';
import { createQueryClient } from '../../queryClient';
import { fakeApi, json } from '../../test/fakeApi';
import { userFixture } from '../../test/fixtures';
import { SessionKeeper } from './SessionKeeper';

const tokenFor = (user: User) => ({ access_token: 'a', token_type: 'bearer', expires_in: 900, user });
const signIn = (user: User) => act(() => sessionStore.signIn(tokenFor(user)));

function renderKeeper() {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <SessionKeeper />
    </QueryClientProvider>,
  );
}

afterEach(async () => {
  act(() => sessionStore.signOut('initial'));
  await i18n.changeLanguage('en');
  forgetChosenLanguage();
  window.localStorage.removeItem('tend.language');
});

describe('the language once signed in', () => {
  // First: the page has just loaded, so the session is still being restored from the refresh cookie.
  it('keeps the language this browser remembers when a session is restored (a reload)', async () => {
    expect(sessionStore.get().status).toBe('restoring');
    await chooseLanguage('en');
    fakeApi({ 'POST /api/v1/auth/refresh': () => json(200, tokenFor(userFixture({ locale: 'es' }))) });
    renderKeeper();
    await waitFor(() => expect(sessionStore.get().status).toBe('signed_in'));
    expect(i18n.resolvedLanguage).toBe('en');
  });

  it('keeps the language chosen on the login page when the user has none of their own', async () => {
    act(() => sessionStore.signOut('initial'));
    renderKeeper();
    await chooseLanguage('es');
    signIn(userFixture({ locale: null }));
    await waitFor(() => expect(i18n.resolvedLanguage).toBe('es'));
    expect(window.localStorage.getItem('tend.language')).toBe('es');
  });

  it('keeps English picked on the login page although the user saved Spanish', async () => {
    act(() => sessionStore.signOut('initial'));
    renderKeeper();
    await chooseLanguage('en');
    signIn(userFixture({ locale: 'es' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(i18n.resolvedLanguage).toBe('en');
    expect(window.localStorage.getItem('tend.language')).toBe('en');
  });

  it("switches to the user's own saved language when nothing was picked in this tab, and remembers it", async () => {
    act(() => sessionStore.signOut('initial'));
    window.localStorage.setItem('tend.language', 'en');
    renderKeeper();
    signIn(userFixture({ locale: 'es' }));
    await waitFor(() => expect(i18n.resolvedLanguage).toBe('es'));
    expect(window.localStorage.getItem('tend.language')).toBe('es');
  });

  it('keeps a switch made in the app when the token is refreshed', async () => {
    act(() => sessionStore.signOut('initial'));
    renderKeeper();
    signIn(userFixture({ locale: 'es' }));
    await waitFor(() => expect(i18n.resolvedLanguage).toBe('es'));
    await chooseLanguage('en');
    // A refresh signs the same user in with a new token.
    signIn(userFixture({ locale: 'es' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(i18n.resolvedLanguage).toBe('en');
  });
});
