import { Stack, Text } from '@mantine/core';
import { formatPriceList } from './format';
import { useMoneyLocale } from '../../../components/useMoneyLocale';

/** A price list in a table cell: one currency per line, or a dash. */
export function PriceLines({ prices, currencies }: { prices: Record<string, number>; currencies: readonly string[] }) {
  const locale = useMoneyLocale();
  const lines = formatPriceList(prices, currencies, locale);
  if (lines.length === 0) return <Text size="sm">—</Text>;
  return (
    <Stack gap={0}>
      {lines.map((line) => (
        <Text key={line} size="sm" style={{ whiteSpace: 'nowrap' }}>
          {line}
        </Text>
      ))}
    </Stack>
  );
}
