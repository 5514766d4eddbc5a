import { describe, expect, it } from 'vitest';
import { ignoreAccents } from './ignoreAccents';

const options = [
  { value: 'p1', label: 'Dra. Carmen Ñahui' },
  { value: 'p2', label: 'Lic. José Ríos' },
  { group: 'Inactive', items: [{ value: 'p3', label: 'Dr. Iñigo Nahuel' }] },
];

describe('ignoreAccents', () => {
  it('finds names whatever their accents and case', () => {
    expect(ignoreAccents({ options, search: 'nahu', limit: 10 })).toEqual([
      options[0],
      { group: 'Inactive', items: [{ value: 'p3', label: 'Dr. Iñigo Nahuel' }] },
    ]);
    expect(ignoreAccents({ options, search: 'JOSE RIOS', limit: 10 })).toEqual([options[1]]);
    expect(ignoreAccents({ options, search: 'nahui', limit: 1 })).toEqual([options[0]]);
  });
});
