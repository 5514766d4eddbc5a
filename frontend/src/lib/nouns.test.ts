import { describe, expect, it } from 'vitest';
import { capitalize, pluralize } from './nouns';

describe('nouns', () => {
  it('makes Spanish plurals by the regular rules', () => {
    expect(pluralize('paciente', 'es')).toBe('pacientes');
    expect(pluralize('cliente', 'es')).toBe('clientes');
    expect(pluralize('usuario', 'es')).toBe('usuarios');
    expect(pluralize('consultante', 'es')).toBe('consultantes');
    expect(pluralize('usuaria del servicio', 'es')).toBe('usuarias del servicio');
    expect(pluralize('persona usuaria', 'es')).toBe('personas usuarias');
    expect(pluralize('actor', 'es')).toBe('actores');
    expect(pluralize('aprendiz', 'es')).toBe('aprendices');
    expect(pluralize('Asociación', 'es')).toBe('Asociaciones');
    expect(pluralize('análisis', 'es')).toBe('análisis');
  });

  it('makes English plurals by the regular rules', () => {
    expect(pluralize('client', 'en')).toBe('clients');
    expect(pluralize('customer', 'en')).toBe('customers');
    expect(pluralize('service user', 'en')).toBe('service users');
    expect(pluralize('family', 'en')).toBe('families');
    expect(pluralize('coach', 'en')).toBe('coaches');
    expect(pluralize('  patient ', 'en')).toBe('patients');
  });

  it('capitalises only the first letter', () => {
    expect(capitalize('paciente', 'es')).toBe('Paciente');
    expect(capitalize('ñandú', 'es')).toBe('Ñandú');
    expect(capitalize('service user', 'en')).toBe('Service user');
  });
});
