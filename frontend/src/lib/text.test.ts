import { describe, expect, it } from 'vitest';
import { foldForSearch, looksLikeEmail, looselyIncludes } from './text';

describe('text', () => {
  it('ignores accents and case when searching', () => {
    expect(foldForSearch('Ñahui Quispe')).toBe('nahui quispe');
    expect(looselyIncludes('Dra. Carmen Ñahui', 'nahui')).toBe(true);
    expect(looselyIncludes('Muñoz', ' MUNOZ ')).toBe(true);
    expect(looselyIncludes('Ríos', 'rio')).toBe(true);
    expect(looselyIncludes('Ríos', 'ros')).toBe(false);
  });

  it('tells an e-mail address by its shape', () => {
    expect(looksLikeEmail('rosa@example.com')).toBe(true);
    expect(looksLikeEmail(' rosa.munoz@correo.com.pe ')).toBe(true);
    expect(looksLikeEmail('rosa@')).toBe(false);
    expect(looksLikeEmail('rosa@example')).toBe(false);
    expect(looksLikeEmail('rosa @example.com')).toBe(false);
    expect(looksLikeEmail('rosa@example.')).toBe(false);
  });
});
