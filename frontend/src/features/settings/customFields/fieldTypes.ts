import type { CustomFieldType } from '../../../api/types';

export const FIELD_TYPES: readonly CustomFieldType[] = ['text', 'number', 'date', 'select', 'checkbox'];
