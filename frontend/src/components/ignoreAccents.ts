/** A filter for Mantine's Select, MultiSelect and Autocomplete that ignores accents and case ("nahui" finds "Ñahui"). */
import { isOptionsGroup, type ComboboxItem, type ComboboxParsedItem, type OptionsFilter } from '@mantine/core';
import { looselyIncludes } from '../lib/text';

export const ignoreAccents: OptionsFilter = ({ options, search, limit }) => {
  const found: ComboboxParsedItem[] = [];
  for (const item of options) {
    if (found.length >= limit) break;
    if (isOptionsGroup(item)) {
      const items = ignoreAccents({ options: item.items, search, limit: limit - found.length });
      if (items.length > 0) found.push({ group: item.group, items: items.filter((option): option is ComboboxItem => !isOptionsGroup(option)) });
    } else if (looselyIncludes(item.label, search)) {
      found.push(item);
    }
  }
  return found;
};
