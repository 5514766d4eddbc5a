import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { problemText } from './problemText';

const failed = (status: number, body: unknown) => new ApiError(new Response(null, { status }), body);
const t = i18n.t.bind(i18n);

describe('problemText', () => {
  it("uses the catalogue's words for known codes, the conflict's next step included", () => {
    const text = problemText(
      failed(409, { status: 409, code: 'conflict.in_use', detail: 'In use.', next_step: 'Deactivate (server).' }),
      t,
    );

    expect(text).toEqual({
      message: 'This record is in use and cannot be deleted.',
      nextStep: 'Deactivate it instead; past records keep it.',
      fieldErrors: {},
    });
  });

  it("falls back to the server's detail, next step and field messages for unknown or missing codes", () => {
    const text = problemText(
      failed(409, {
        status: 409,
        code: 'conflict.something_new',
        detail: 'A new kind of clash.',
        next_step: 'Do the new thing.',
        errors: [
          { field: 'name', message: 'Name is odd.', code: 'validation.brand_new' },
          { field: 'email', message: 'Not an e-mail.' },
          { field: 'phone', message: 'Phone missing.', code: 'validation.required' },
        ],
      }),
      t,
    );

    expect(text).toEqual({
      message: 'A new kind of clash.',
      nextStep: 'Do the new thing.',
      fieldErrors: { name: 'Name is odd.', email: 'Not an e-mail.', phone: 'Required.' },
    });
  });

  it('says the server cannot be reached when the call never got an answer', () => {
    expect(problemText(new TypeError('Failed to fetch'), t).message).toBe(
      'Cannot reach the server. Check your connection and try again.',
    );
  });
});
