/**
 * A client's statement: the balance of each currency at the top, then every entry, newest first, with its
 * charge or credit and the running balance of its currency, one table per currency (never adding soles to
 * dollars). Voided entries are struck through and say so. The front desk and admins record payments, charges
 * and adjustments, reverse entries, refund payments and apply them to bills; clinicians read.
 */
import { ActionIcon, Badge, Button, Group, Menu, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadStatement, useClientBills, useClientLedger } from '../../api/queries/ledger';
import { CLIENTS } from '../../api/queries/clients';
import { usePractice } from '../../api/queries/practice';
import type { Balance, Client, StatementLine } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { ListFrame } from '../../components/ListFrame';
import { useProblemText } from '../../i18n/problemText';
import { ChargeDialog } from './ChargeDialog';
import { ApplyDialog, RefundDialog, ReverseDialog, UnapplyPaymentDialog } from './EntryDialogs';
import { useMayMoveMoney } from '../auth/useSession';
import { useFormatDate, useFormatMoney } from './ledgerForms';
import { appliedOf, groupByCurrency, isReversible, openBillsIn, paymentRemainder } from './ledgerMath';
import { useDescribeEntry } from './ledgerWords';
import { PaymentDialog } from './PaymentDialog';

const column = createColumnHelper<StatementLine>();

type Dialog =
  | { kind: 'payment' }
  | { kind: 'charge' }
  | { kind: 'reverse'; line: StatementLine; title: string }
  | { kind: 'refund'; line: StatementLine; left: number }
  | { kind: 'apply'; line: StatementLine; left: number }
  | { kind: 'unapply'; line: StatementLine; appliedMinor: number; bills: number }
  | null;

function sameBalances(a: readonly Balance[], b: readonly Balance[]): boolean {
  const owed = (list: readonly Balance[]) => new Map(list.filter((x) => x.amount_minor !== 0).map((x) => [x.currency, x.amount_minor]));
  const [left, right] = [owed(a), owed(b)];
  return left.size === right.size && [...left].every(([currency, amount]) => right.get(currency) === amount);
}

/**
 * The statement may be newer than the client's record (the job posted a fee since it was read): then the
 * record's balance chips (header, list) are read again.
 */
export function useBalancesInStep(client: Client, balances: readonly Balance[] | undefined) {
  const queryClient = useQueryClient();
  const stale = balances !== undefined && !sameBalances(client.balances, balances);
  useEffect(() => {
    if (!stale) return;
    void queryClient.invalidateQueries({
      predicate: ({ queryKey }) => queryKey[1] === CLIENTS || queryKey[1] === `${CLIENTS}/{client_id}`,
    });
  }, [stale, queryClient]);
}

export function ClientLedgerTab({ client }: { client: Client }) {
  const { t } = useTranslation();
  const ledger = useClientLedger(client.id);
  const bills = useClientBills(client.id);
  const practice = usePractice();
  const mayMoveMoney = useMayMoveMoney();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const describeProblem = useProblemText();
  const [shown, setShown] = useState<string>('all');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [downloading, setDownloading] = useState(false);
  useBalancesInStep(client, ledger.data?.balances);

  const lines = ledger.data?.lines ?? [];
  const billList = bills.data ?? [];
  const describe = useDescribeEntry(lines);
  const newestFirst = [...lines].reverse();
  const groups = groupByCurrency(newestFirst, practice.data?.currencies ?? []);
  const visible = shown === 'all' ? groups : groups.filter((group) => group.currency === shown);
  const balances = (ledger.data?.balances ?? []).filter((balance) => groups.some((group) => group.currency === balance.currency) || balance.amount_minor !== 0);
  const owedIn = balances.find((balance) => balance.amount_minor > 0)?.currency;
  const startCurrency = shown !== 'all' ? shown : owedIn;

  async function download() {
    setDownloading(true);
    try {
      await downloadStatement(client.id);
    } catch (error) {
      notifications.show({ color: 'red', title: t('ledger.statement.downloadFailed'), message: describeProblem(error).message });
    } finally {
      setDownloading(false);
    }
  }

  const columns = [
    column.accessor('effective_date', {
      header: t('ledger.statement.columns.date'),
      enableSorting: false,
      enableHiding: false,
      meta: { nowrap: true },
      cell: ({ getValue }) => <Text size="sm">{formatDate(getValue())}</Text>,
    }),
    column.display({
      id: 'description',
      header: t('ledger.statement.columns.description'),
      cell: ({ row: { original: line } }) => {
        const text = describe(line);
        return (
          <Stack gap={0}>
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={500} td={line.reversed ? 'line-through' : undefined}>
                {text.title}
              </Text>
              {line.reversed ? (
                <Badge size="sm" variant="light" color="gray" tt="none" title={t('ledger.statement.reversedHint')} data-testid="reversed-badge">
                  {t('ledger.statement.reversed')}
                </Badge>
              ) : null}
            </Group>
            {text.detail ? (
              <Text size="xs" c="dimmed" td={line.reversed ? 'line-through' : undefined}>
                {text.detail}
              </Text>
            ) : null}
          </Stack>
        );
      },
    }),
    column.accessor((line) => line.reference ?? '', {
      id: 'reference',
      header: t('ledger.statement.columns.reference'),
      enableSorting: false,
      cell: ({ getValue }) => <Text size="sm">{getValue()}</Text>,
    }),
    column.display({
      id: 'charges',
      header: t('ledger.statement.columns.charges'),
      meta: { align: 'right', nowrap: true, label: t('ledger.statement.columns.charges') },
      cell: ({ row: { original: line } }) =>
        line.delta_minor > 0 ? (
          <Text size="sm" td={line.reversed ? 'line-through' : undefined}>
            {formatMoney(line.delta_minor, line.currency)}
          </Text>
        ) : null,
    }),
    column.display({
      id: 'credits',
      header: t('ledger.statement.columns.credits'),
      meta: { align: 'right', nowrap: true },
      cell: ({ row: { original: line } }) =>
        line.delta_minor < 0 ? (
          <Text size="sm" c="teal.9" td={line.reversed ? 'line-through' : undefined}>
            {formatMoney(-line.delta_minor, line.currency)}
          </Text>
        ) : null,
    }),
    column.display({
      id: 'balance',
      header: t('ledger.statement.columns.balance'),
      meta: { align: 'right', nowrap: true },
      cell: ({ row: { original: line } }) => (
        <Text size="sm" fw={600}>
          {formatMoney(line.balance_after_minor, line.currency)}
        </Text>
      ),
    }),
    ...(mayMoveMoney
      ? [
          column.display({
            id: 'actions',
            header: t('ledger.statement.columns.actions'),
            enableHiding: false,
            meta: { align: 'right', fit: true },
            cell: ({ row: { original: line } }) => {
              const title = describe(line).title;
              const live = line.kind === 'payment' && !line.reversed;
              const left = live ? paymentRemainder(line, lines, billList) : 0;
              const applied = live ? appliedOf(line, billList) : { amountMinor: 0, bills: 0 };
              const actions = [
                ...(left > 0 && openBillsIn(billList, line.currency).length > 0
                  ? [{ label: t('ledger.statement.apply'), onClick: () => setDialog({ kind: 'apply', line, left }) }]
                  : []),
                ...(left > 0 ? [{ label: t('ledger.statement.refund'), onClick: () => setDialog({ kind: 'refund', line, left }) }] : []),
                // Applied to bills, a payment can be neither refunded nor reversed: taking it off them comes first.
                ...(applied.amountMinor > 0
                  ? [{ label: t('ledger.statement.unapply'), onClick: () => setDialog({ kind: 'unapply', line, appliedMinor: applied.amountMinor, bills: applied.bills }) }]
                  : []),
                ...(isReversible(line)
                  ? [{ label: t('ledger.statement.reverse'), danger: true, onClick: () => setDialog({ kind: 'reverse', line, title }) }]
                  : []),
              ];
              if (actions.length === 0) return null;
              return (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('ledger.statement.actionsFor', { what: title, date: formatDate(line.effective_date) })}
                    >
                      <span aria-hidden="true">⋯</span>
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {actions.map((action) => (
                      <Menu.Item key={action.label} color={action.danger ? 'red' : undefined} onClick={action.onClick}>
                        {action.label}
                      </Menu.Item>
                    ))}
                  </Menu.Dropdown>
                </Menu>
              );
            },
          }),
        ]
      : []),
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group gap="sm" role="group" aria-label={t('ledger.statement.balancesLabel')} data-testid="ledger-balances">
          {balances.map(({ currency, amount_minor: amount }) => (
            <Paper key={currency} px="md" py="xs" withBorder>
              <Text size="xs" c="dimmed">
                {t('ledger.statement.balanceIn', { currency })}
              </Text>
              <Text fw={700} c={amount > 0 ? 'red.8' : amount < 0 ? 'teal.9' : undefined}>
                {amount > 0
                  ? t('ledger.statement.owes', { amount: formatMoney(amount, currency) })
                  : amount < 0
                    ? t('ledger.statement.credit', { amount: formatMoney(-amount, currency) })
                    : t('ledger.statement.settled')}
              </Text>
            </Paper>
          ))}
        </Group>
        <Group gap="xs" justify="flex-end">
          <Button variant="default" onClick={() => void download()} loading={downloading}>
            {t('ledger.statement.download')}
          </Button>
          {mayMoveMoney ? (
            <>
              <Button variant="default" onClick={() => setDialog({ kind: 'charge' })}>
                {t('ledger.statement.recordCharge')}
              </Button>
              <Button onClick={() => setDialog({ kind: 'payment' })}>{t('ledger.statement.recordPayment')}</Button>
            </>
          ) : null}
        </Group>
      </Group>

      {groups.length > 1 ? (
        <SegmentedControl
          aria-label={t('ledger.statement.currency')}
          value={shown}
          onChange={setShown}
          data={[
            { value: 'all', label: t('ledger.statement.allCurrencies') },
            ...groups.map((group) => ({ value: group.currency, label: group.currency })),
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
      ) : null}

      <ListFrame
        query={ledger}
        isEmpty={lines.length === 0}
        loadFailed={t('ledger.statement.loadFailed')}
        emptyTitle={t('ledger.statement.empty')}
        emptyHint={t('ledger.statement.emptyHint')}
        skeletonRows={3}
      >
        <Stack gap="lg" py={visible.length > 1 ? 'sm' : 0}>
          {visible.map((group) => (
            <section key={group.currency} aria-label={t('ledger.statement.inCurrency', { currency: group.currency })}>
              {groups.length > 1 ? (
                <Title order={3} size="h5" px="sm" pb={4}>
                  {t('ledger.statement.inCurrency', { currency: group.currency })}
                </Title>
              ) : null}
              <DataTable
                data={group.rows}
                columns={columns}
                getRowId={(line) => line.id}
                testId={`statement-${group.currency}`}
                highlightOnHover={false}
                minWidth={720}
              />
            </section>
          ))}
        </Stack>
      </ListFrame>

      {dialog?.kind === 'payment' ? (
        <PaymentDialog clientId={client.id} bills={billList} currency={startCurrency} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'charge' ? <ChargeDialog clientId={client.id} currency={startCurrency} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'reverse' ? <ReverseDialog line={dialog.line} title={dialog.title} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'refund' ? <RefundDialog payment={dialog.line} refundableMinor={dialog.left} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'unapply' ? (
        <UnapplyPaymentDialog
          payment={dialog.line}
          appliedMinor={dialog.appliedMinor}
          bills={dialog.bills}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'apply' ? (
        <ApplyDialog payment={dialog.line} leftMinor={dialog.left} bills={billList} onClose={() => setDialog(null)} />
      ) : null}
    </Stack>
  );
}
