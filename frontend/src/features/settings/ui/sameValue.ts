/** Deep equality for JSON-like form values, ignoring object key order (the API sorts price lists by code). */
export function sameValue(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stable(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The entries of `next` that differ from `stored`: what a PATCH should send. */
export function changesFrom<T extends object>(stored: object, next: T): Partial<T> {
  const current = stored as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(next).filter(([key, value]) => !sameValue(value, current[key])),
  ) as Partial<T>;
}
