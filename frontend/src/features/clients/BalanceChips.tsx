import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Balance } from '../../api/types';
import { useMoneyLocale } from '../../components/useMoneyLocale';
import { formatMoney } from '../../lib/money';

/**
 * In a narrow place (a table column at 1280 px) a chip wraps its words rather than cutting them: "A favor" goes
 * above the amount, which is never broken (its symbol and digits are joined by a no-break space) nor cut.
 */
const WRAPPING = {
  root: { height: 'auto', minWidth: 'min-content' },
  label: { whiteSpace: 'normal', overflow: 'visible' },
} as const;

/** One chip per currency (never summed across currencies): red when the client owes, teal for a credit. */
export function BalanceChips({ balances, size = 'md' }: { balances: Balance[]; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const locale = useMoneyLocale();
  if (balances.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('clients.balance.none')}
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="wrap">
      {balances.map(({ currency, amount_minor: amount }) => {
        const formatted = formatMoney(Math.abs(amount), currency, locale);
        const label =
          amount > 0
            ? t('clients.balance.owes', { amount: formatted })
            : amount < 0
              ? t('clients.balance.credit', { amount: formatted })
              : t('clients.balance.settled', { currency });
        return (
          <Badge
            key={currency}
            size={size}
            variant="light"
            color={amount > 0 ? 'red' : amount < 0 ? 'teal' : 'gray'}
            aria-label={label}
            title={label}
            tt="none"
            styles={WRAPPING}
          >
            {amount < 0 ? label : formatted}
          </Badge>
        );
      })}
    </Group>
  );
}
