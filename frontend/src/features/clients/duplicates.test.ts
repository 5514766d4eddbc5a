import { describe, expect, it } from 'vitest';
import { duplicateProbe } from './duplicates';

const blank = { first_name: '', last_name: '', date_of_birth: null, phone: '', email: '', id_number: '' };

describe('duplicate probe', () => {
  it('asks nothing until something could match', () => {
    expect(duplicateProbe(blank)).toBeNull();
    // A name alone matches too many people; with the date of birth it is a question.
    expect(duplicateProbe({ ...blank, first_name: 'Zoila', last_name: 'Muñoz' })).toBeNull();
    expect(duplicateProbe({ ...blank, phone: '98' })).toBeNull();
    expect(duplicateProbe({ ...blank, email: 'zoila@' })).toBeNull();
    // A date that is still being typed (not ISO) is not sent.
    expect(duplicateProbe({ ...blank, first_name: 'Zoila', last_name: 'Muñoz', date_of_birth: '25/05/20' })).toBeNull();
  });

  it('sends only what can match, trimmed', () => {
    expect(
      duplicateProbe({
        first_name: ' Zoila ',
        last_name: 'Muñoz',
        date_of_birth: '2014-05-25',
        phone: ' 987 654 321 ',
        email: 'zoila@example.com',
        id_number: '12345678',
      }),
    ).toEqual({
      first_name: 'Zoila',
      last_name: 'Muñoz',
      date_of_birth: '2014-05-25',
      phone: '987 654 321',
      email: 'zoila@example.com',
      id_number: '12345678',
    });
    expect(duplicateProbe({ ...blank, first_name: 'Zoila', phone: '987654321' }, 'c1')).toEqual({
      phone: '987654321',
      exclude_client_id: 'c1',
    });
  });
});
