import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { clientWords } from './clientWords';

describe('client words', () => {
  it("uses the UI language's own word where the practice gave none", () => {
    expect(clientWords(i18n.getFixedT('en'), 'en', {})).toEqual({
      client: 'client',
      clients: 'clients',
      Client: 'Client',
      Clients: 'Clients',
    });
    expect(clientWords(i18n.getFixedT('es'), 'es', { en: 'patient' }).Clients).toBe('Clientes');
    expect(clientWords(i18n.getFixedT('es'), 'es', undefined).client).toBe('cliente');
  });

  it("uses the practice's word for the UI language, with its plural in that language", () => {
    const labels = { es: 'paciente', en: 'patient' };
    expect(clientWords(i18n.getFixedT('es'), 'es', labels)).toEqual({
      client: 'paciente',
      clients: 'pacientes',
      Client: 'Paciente',
      Clients: 'Pacientes',
    });
    expect(clientWords(i18n.getFixedT('en'), 'en', labels).Clients).toBe('Patients');
    expect(i18n.getFixedT('es')('clients.list.newClient', clientWords(i18n.getFixedT('es'), 'es', labels))).toBe(
      'Nuevo paciente',
    );
  });

  it('never shows a Spanish word on English screens ("Back to pacientes")', () => {
    const words = clientWords(i18n.getFixedT('en'), 'en', { es: 'paciente' });
    expect(words.clients).toBe('clients');
    expect(words.Client).toBe('Client');
  });
});
