import { describe, expect, it } from 'vitest';
import { ApiError, retryAfterSeconds, summarizeProblem, unwrap } from './problem';

describe('summarizeProblem', () => {
  it('maps problem+json field errors to form paths with detail and next step', () => {
    const summary = summarizeProblem({
      type: 'about:blank',
      title: 'Validation failed',
      status: 422,
      detail: 'Some fields are not valid.',
      request_id: 'req-1',
      errors: [
        { field: 'email', loc: ['body', 'email'], message: 'Not a valid e-mail address', type: 'value_error' },
        { field: 'password', loc: ['body', 'password'], message: 'Field required', type: 'missing' },
      ],
      next_step: 'Fix the highlighted fields.',
    });

    expect(summary).toEqual({
      code: null,
      formErrors: { email: 'Not a valid e-mail address', password: 'Field required' },
      fieldCodes: {},
      detail: 'Some fields are not valid.',
      nextStep: 'Fix the highlighted fields.',
    });
  });

  it('derives the field from loc when field is missing, dropping the location prefix', () => {
    const summary = summarizeProblem({
      status: 422,
      errors: [
        { loc: ['body', 'address', 'city'], message: 'Too long' },
        { loc: ['body', 'phones', 0], message: 'Not a phone number' },
      ],
    });

    expect(summary.formErrors).toEqual({ 'address.city': 'Too long', 'phones.0': 'Not a phone number' });
  });

  it('keeps the first message when a field has several', () => {
    const summary = summarizeProblem({
      errors: [
        { field: 'email', message: 'Required' },
        { field: 'email', message: 'Not an e-mail' },
      ],
    });

    expect(summary.formErrors).toEqual({ email: 'Required' });
  });

  it("reads FastAPI's default validation body (detail is a list of {loc, msg})", () => {
    const summary = summarizeProblem({ detail: [{ loc: ['body', 'email'], msg: 'field required', type: 'missing' }] });

    expect(summary).toEqual({
      code: null,
      formErrors: { email: 'field required' },
      fieldCodes: {},
      detail: null,
      nextStep: null,
    });
  });

  it('keeps the machine codes of the problem and of each field error', () => {
    const summary = summarizeProblem({
      status: 422,
      code: 'validation.failed',
      errors: [
        { field: 'email', message: 'Field required', code: 'validation.required' },
        { field: 'email', message: 'Not an e-mail', code: 'validation.email' },
        { field: 'phone', message: 'Too long' },
      ],
    });

    expect(summary.code).toBe('validation.failed');
    expect(summary.formErrors).toEqual({ email: 'Field required', phone: 'Too long' });
    expect(summary.fieldCodes).toEqual({ email: 'validation.required' });
  });

  it('falls back to the title when there is no detail', () => {
    expect(summarizeProblem({ title: 'Conflict', status: 409 }).detail).toBe('Conflict');
  });

  it('treats a plain-text body as the detail and anything else as empty', () => {
    const empty = { code: null, formErrors: {}, fieldCodes: {}, detail: null, nextStep: null };
    expect(summarizeProblem('Bad gateway')).toEqual({ ...empty, detail: 'Bad gateway' });
    expect(summarizeProblem(undefined)).toEqual(empty);
    expect(summarizeProblem([1, 2])).toEqual(empty);
  });

  it('ignores malformed error items', () => {
    const summary = summarizeProblem({ errors: [null, 'oops', { field: 'name' }, { message: 'no field' }] });

    expect(summary.formErrors).toEqual({});
  });
});

describe('retryAfterSeconds', () => {
  it('reads delta-seconds', () => {
    expect(retryAfterSeconds('120')).toBe(120);
  });

  it('reads an HTTP date relative to now', () => {
    const now = new Date('2030-01-01T10:00:00Z');
    expect(retryAfterSeconds('Tue, 01 Jan 2030 10:05:00 GMT', now)).toBe(300);
  });

  it('returns null when absent or unreadable', () => {
    expect(retryAfterSeconds(null)).toBeNull();
    expect(retryAfterSeconds('soon')).toBeNull();
  });
});

describe('unwrap', () => {
  it('returns data for a successful response', () => {
    expect(unwrap({ data: { ok: true }, response: new Response(null, { status: 200 }) })).toEqual({ ok: true });
  });

  it('throws an ApiError carrying the status, summary and Retry-After', () => {
    const response = new Response(null, { status: 429, headers: { 'Retry-After': '90' } });
    const body = { status: 429, title: 'Too many attempts', detail: 'Try again later.' };

    let thrown: unknown;
    try {
      unwrap({ error: body, response });
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ status: 429, retryAfterSeconds: 90, message: 'Try again later.' });
  });
});
