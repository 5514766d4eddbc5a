/** Reading problem+json error bodies, so forms can show each field's message next to the field. */

export interface ProblemSummary {
  /** The problem's machine code (e.g. `conflict.enrollment_overlap`), when it has one. */
  code: string | null;
  /** Field path (as Mantine form paths, e.g. `email`, `address.city`) → the server's message. */
  formErrors: Record<string, string>;
  /** Field path → the code of that same message, for the fields whose error has one. */
  fieldCodes: Record<string, string>;
  detail: string | null;
  nextStep: string | null;
}

// FastAPI puts where the value came from first (`["body", "email"]`); forms only know the field path.
const LOCATION_PREFIXES = new Set(['body', 'query', 'path', 'header', 'cookie']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function fieldFromLoc(loc: unknown): string | null {
  if (!Array.isArray(loc)) return null;
  const parts = loc.filter((part): part is string | number => typeof part === 'string' || typeof part === 'number');
  const path = parts.length > 1 && LOCATION_PREFIXES.has(String(parts[0])) ? parts.slice(1) : parts;
  return path.length > 0 ? path.join('.') : null;
}

function collectFieldErrors(items: unknown[]): Pick<ProblemSummary, 'formErrors' | 'fieldCodes'> {
  const formErrors: Record<string, string> = {};
  const fieldCodes: Record<string, string> = {};
  for (const item of items) {
    if (!isRecord(item)) continue;
    const field = nonEmptyString(item.field) ?? fieldFromLoc(item.loc);
    const message = nonEmptyString(item.message) ?? nonEmptyString(item.msg);
    // The first message per field is the one to fix first; later ones usually repeat it.
    if (field === null || message === null || field in formErrors) continue;
    formErrors[field] = message;
    const code = nonEmptyString(item.code);
    if (code !== null) fieldCodes[field] = code;
  }
  return { formErrors, fieldCodes };
}

const EMPTY = { code: null, formErrors: {}, fieldCodes: {}, detail: null, nextStep: null };

/** Turns whatever an error response carried (problem+json, FastAPI's default 422, text, nothing) into a summary. */
export function summarizeProblem(body: unknown): ProblemSummary {
  if (typeof body === 'string') return { ...EMPTY, detail: nonEmptyString(body) };
  if (!isRecord(body)) return EMPTY;

  const errors = Array.isArray(body.errors) ? body.errors : Array.isArray(body.detail) ? body.detail : [];
  return {
    code: nonEmptyString(body.code),
    ...collectFieldErrors(errors),
    detail: nonEmptyString(body.detail) ?? nonEmptyString(body.title),
    nextStep: nonEmptyString(body.next_step),
  };
}

/** Seconds from a `Retry-After` header (delta-seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterSeconds(headerValue: string | null, now: Date = new Date()): number | null {
  if (headerValue === null || headerValue.trim() === '') return null;
  const trimmed = headerValue.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

/** A failed API call, thrown from query and mutation functions so TanStack Query sees it as an error. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemSummary;
  readonly retryAfterSeconds: number | null;
  /** With `not_found.merged`: the id of the record this one was merged into. */
  readonly mergedInto: string | null;

  constructor(response: Response, body: unknown) {
    const problem = summarizeProblem(body);
    super(problem.detail ?? `HTTP ${response.status}`);
    this.name = 'ApiError';
    this.status = response.status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds(response.headers.get('Retry-After'));
    this.mergedInto = isRecord(body) ? nonEmptyString(body.merged_into) : null;
  }
}

/** Returns the data of an openapi-fetch result, or throws its error as an ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok) throw new ApiError(result.response, result.error);
  return result.data as T;
}
