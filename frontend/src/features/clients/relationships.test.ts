import { describe, expect, it } from 'vitest';
import type { Relationship } from '../../api/types';
import { activeFlags, sortRelationships } from './relationships';

function relationship(name: string, extra: Partial<Relationship>): Relationship {
  return {
    id: name,
    related_client: { id: name, first_name: name, last_name: 'X', preferred_name: null, email: null, phone: null, readable: true },
    relationship_type: 'other',
    legal_guardian: false,
    responsible_for_billing: false,
    emergency_contact: false,
    created_at: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

describe('relationships', () => {
  it('lists the flags that are set, in a fixed order', () => {
    expect(activeFlags({ legal_guardian: true, responsible_for_billing: false, emergency_contact: true })).toEqual([
      'legal_guardian',
      'emergency_contact',
    ]);
  });

  it('puts legal guardians first, then parents, then by name', () => {
    const sorted = sortRelationships(
      [
        relationship('Zed', { relationship_type: 'sibling' }),
        relationship('Ana', { relationship_type: 'parent_guardian' }),
        relationship('Bea', { relationship_type: 'other', legal_guardian: true }),
        relationship('Al', { relationship_type: 'parent_guardian' }),
      ],
      (r) => r.related_client.first_name,
    );
    expect(sorted.map((r) => r.id)).toEqual(['Bea', 'Al', 'Ana', 'Zed']);
  });
});
