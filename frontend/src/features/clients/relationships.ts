/**
 * Reading relationships. A relationship's type says how the RELATED client stands to the client whose page
 * it is on: on Zoila's page, "Rosa — parent_guardian" means Rosa is Zoila's parent or guardian, and Rosa's
 * page shows the same link from her side as "Zoila — child" (the API stores both sides; the SPA never derives one).
 */
import type { Relationship, RelationshipType } from '../../api/types';

export const RELATIONSHIP_FLAGS = ['legal_guardian', 'responsible_for_billing', 'emergency_contact'] as const;
export type RelationshipFlag = (typeof RELATIONSHIP_FLAGS)[number];

/** The flags set on a relationship, in display order. */
export function activeFlags(relationship: Pick<Relationship, RelationshipFlag>): RelationshipFlag[] {
  return RELATIONSHIP_FLAGS.filter((flag) => relationship[flag]);
}

// Guardians first (they receive a minor's reminders), then the rest in a stable order by type and name.
const TYPE_ORDER: Record<RelationshipType, number> = {
  parent_guardian: 0,
  spouse_partner: 1,
  child: 2,
  sibling: 3,
  other: 4,
};

export function sortRelationships(relationships: Relationship[], nameOf: (r: Relationship) => string): Relationship[] {
  return [...relationships].sort(
    (a, b) =>
      Number(b.legal_guardian) - Number(a.legal_guardian) ||
      TYPE_ORDER[a.relationship_type] - TYPE_ORDER[b.relationship_type] ||
      nameOf(a).localeCompare(nameOf(b)),
  );
}
