import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { clientWords } from './clientWords';

describe('client words', () => {
  it("uses the UI language's own word while the practice keeps the default label", () => {
    expect(clientWords(i18n.getFixedT('en'), 'en', 'client', 'es')).toEqual({
      client: 'client',
      clients: 'clients',
      Client: 'Client',
      Clients: 'Clients',
    });
    expect(clientWords(i18n.getFixedT('es'), 'es', 'client', 'es').Clients).toBe('Clientes');
    expect(clientWords(i18n.getFixedT('es'), 'es', undefined, undefined).client).toBe('cliente');
  });

  it("uses the practice's word as typed, in both languages, with its plural in the practice's language", () => {
    expect(clientWords(i18n.getFixedT('es'), 'es', 'paciente', 'es')).toEqual({
      client: 'paciente',
      clients: 'pacientes',
      Client: 'Paciente',
      Clients: 'Pacientes',
    });
    expect(clientWords(i18n.getFixedT('en'), 'en', 'paciente', 'es').Clients).toBe('Pacientes');
    expect(clientWords(i18n.getFixedT('en'), 'en', 'customer', 'en').clients).toBe('customers');
    expect(i18n.getFixedT('es')('clients.list.newClient', clientWords(i18n.getFixedT('es'), 'es', 'paciente', 'es'))).toBe(
      'Nuevo paciente',
    );
  });
});
