/**
 * A client's bills, newest first: status, total, paid and owed; the lines and the payments applied open under
 * each. The front desk and admins take a payment back off a bill (it becomes credit) and cancel a bill with a
 * reason; a refusal (payments still applied) says what to do first.
 */
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientBills, useClientLedger, useUnallocate } from '../../api/queries/ledger';
import type { Allocation, Bill, BillStatus, Client } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ListFrame } from '../../components/ListFrame';
import { FIT } from '../../components/tableStyles';
import { useActionFeedback } from '../../components/useActionFeedback';
import { useClientWords } from '../clients/clientWords';
import { useBalancesInStep } from './ClientLedgerTab';
import { CancelBillDialog } from './EntryDialogs';
import { useMayMoveMoney } from '../auth/useSession';
import { useFormatDate, useFormatMoney } from './ledgerForms';
import { owedOf } from './ledgerMath';
import { cancelReasonText, lineText } from './ledgerWords';

const STATUS_COLORS: Record<BillStatus, string> = {
  open: 'yellow',
  partially_paid: 'orange',
  paid: 'teal',
  cancelled: 'gray',
};

export function BillStatusBadge({ status }: { status: BillStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} tt="none" size="sm">
      {t(`ledger.billStatus.${status}`)}
    </Badge>
  );
}

/** What a bill is for, in a few words: its first line (and how many more). */
export function useBillTitle(): (bill: Bill) => string {
  const { t } = useTranslation();
  return (bill) => {
    const first = lineText(t, bill.lines[0]) ?? t('ledger.bills.columns.bill');
    return bill.lines.length > 1 ? `${first} +${bill.lines.length - 1}` : first;
  };
}

export function ClientBillsTab({ client }: { client: Client }) {
  const { t } = useTranslation();
  const words = useClientWords();
  const bills = useClientBills(client.id);
  const ledger = useClientLedger(client.id);
  const mayMoveMoney = useMayMoveMoney();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const billTitle = useBillTitle();
  const unallocate = useUnallocate();
  const feedback = useActionFeedback();
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const [cancelling, setCancelling] = useState<Bill | null>(null);
  const [unapplying, setUnapplying] = useState<{ bill: Bill; allocation: Allocation } | null>(null);
  useBalancesInStep(client, ledger.data?.balances);

  const rows = bills.data ?? [];
  const payments = new Map((ledger.data?.lines ?? []).map((line) => [line.id, line]));
  const columnCount = 7;

  function paymentText(allocation: Allocation): string {
    const payment = payments.get(allocation.payment_id);
    if (!payment) return t('ledger.kinds.payment');
    return t('ledger.bills.paymentOf', {
      date: formatDate(payment.effective_date),
      method: t(`ledger.methods.${payment.payment_method ?? 'other'}`),
    });
  }

  function confirmUnapply() {
    if (!unapplying) return;
    const { allocation, bill } = unapplying;
    unallocate.mutate(
      { params: { path: { allocation_id: allocation.id } } },
      {
        onSuccess: () => {
          setUnapplying(null);
          notifications.show({ color: 'tend', message: t('ledger.bills.unapplied', { amount: formatMoney(allocation.amount_minor, bill.currency) }) });
        },
        onError: (error) => {
          setUnapplying(null);
          feedback.report(error);
        },
      },
    );
  }

  return (
    <Stack gap="md">
      <ListFrame
        query={bills}
        isEmpty={rows.length === 0}
        loadFailed={t('ledger.bills.loadFailed')}
        emptyTitle={t('ledger.bills.empty')}
        emptyHint={t('ledger.bills.emptyHint')}
        skeletonRows={3}
      >
        <Table verticalSpacing="sm" horizontalSpacing={8} data-testid="bills-table" miw={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={FIT}>{t('ledger.bills.columns.issued')}</Table.Th>
              <Table.Th>{t('ledger.bills.columns.bill')}</Table.Th>
              <Table.Th style={FIT}>{t('ledger.bills.columns.status')}</Table.Th>
              <Table.Th ta="right" style={FIT}>
                {t('ledger.bills.columns.total')}
              </Table.Th>
              <Table.Th ta="right" style={FIT}>
                {t('ledger.bills.columns.paid')}
              </Table.Th>
              <Table.Th ta="right" style={FIT}>
                {t('ledger.bills.columns.owed')}
              </Table.Th>
              <Table.Th ta="right" style={FIT}>
                {t('ledger.bills.columns.actions')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((bill) => {
              const date = formatDate(bill.issued_on);
              const expanded = open[bill.id] ?? false;
              const detailsId = `bill-details-${bill.id}`;
              return (
                <Fragment key={bill.id}>
                  <Table.Tr data-testid="bill-row">
                    <Table.Td style={FIT}>{date}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500} td={bill.status === 'cancelled' ? 'line-through' : undefined}>
                        {billTitle(bill)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={FIT}>
                      <BillStatusBadge status={bill.status} />
                    </Table.Td>
                    <Table.Td ta="right" style={FIT}>
                      {formatMoney(bill.total_minor, bill.currency)}
                    </Table.Td>
                    <Table.Td ta="right" style={FIT}>
                      {formatMoney(bill.paid_minor, bill.currency)}
                    </Table.Td>
                    <Table.Td ta="right" style={FIT}>
                      <Text size="sm" fw={600}>
                        {formatMoney(owedOf(bill), bill.currency)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={FIT}>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          aria-expanded={expanded}
                          aria-controls={detailsId}
                          aria-label={t('ledger.bills.detailsAria', { date })}
                          onClick={() => setOpen((current) => ({ ...current, [bill.id]: !expanded }))}
                          rightSection={<span aria-hidden="true">{expanded ? '▴' : '▾'}</span>}
                        >
                          {t('ledger.bills.showDetails')}
                        </Button>
                        {mayMoveMoney && bill.status !== 'cancelled' ? (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            aria-label={t('ledger.bills.cancelAria', { date })}
                            onClick={() => setCancelling(bill)}
                          >
                            {t('ledger.bills.cancel')}
                          </Button>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                  {expanded ? (
                    <Table.Tr id={detailsId}>
                      <Table.Td colSpan={columnCount} bg="var(--mantine-color-gray-0)">
                        <Stack gap="sm" py={4}>
                          {cancelReasonText(t, bill) ? (
                            <Text size="sm" c="dimmed">
                              {t('ledger.bills.cancelledBecause', { reason: cancelReasonText(t, bill) })}
                            </Text>
                          ) : null}
                          <div>
                            <Title order={4} size="h6" mb={4}>
                              {t('ledger.bills.lines')}
                            </Title>
                            <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={8}>
                              <Table.Thead>
                                <Table.Tr>
                                  <Table.Th>{t('ledger.bills.lineDescription')}</Table.Th>
                                  <Table.Th style={FIT}>{t('ledger.bills.code')}</Table.Th>
                                  <Table.Th ta="right" style={FIT}>
                                    {t('ledger.bills.amount')}
                                  </Table.Th>
                                </Table.Tr>
                              </Table.Thead>
                              <Table.Tbody>
                                {bill.lines.map((line, index) => (
                                  <Table.Tr key={index}>
                                    <Table.Td>{lineText(t, line)}</Table.Td>
                                    <Table.Td style={FIT}>
                                      {[line.service_code, ...line.modifiers].filter(Boolean).join(' ')}
                                    </Table.Td>
                                    <Table.Td ta="right" style={FIT}>
                                      {formatMoney(line.amount_minor, bill.currency)}
                                    </Table.Td>
                                  </Table.Tr>
                                ))}
                              </Table.Tbody>
                            </Table>
                          </div>
                          <div>
                            <Title order={4} size="h6" mb={4}>
                              {t('ledger.bills.payments')}
                            </Title>
                            {bill.allocations.length === 0 ? (
                              <Text size="sm" c="dimmed">
                                {t('ledger.bills.noPayments')}
                              </Text>
                            ) : (
                              <Stack gap={4}>
                                {bill.allocations.map((allocation) => {
                                  const amount = formatMoney(allocation.amount_minor, bill.currency);
                                  return (
                                    <Group key={allocation.id} gap="sm" justify="space-between" wrap="nowrap">
                                      <Text size="sm">
                                        {paymentText(allocation)} · <strong>{amount}</strong>
                                      </Text>
                                      {mayMoveMoney ? (
                                        <Button
                                          size="compact-sm"
                                          variant="default"
                                          aria-label={t('ledger.bills.unapplyAria', { amount, date })}
                                          onClick={() => {
                                            unallocate.reset();
                                            setUnapplying({ bill, allocation });
                                          }}
                                        >
                                          {t('ledger.bills.unapply')}
                                        </Button>
                                      ) : null}
                                    </Group>
                                  );
                                })}
                              </Stack>
                            )}
                          </div>
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </ListFrame>

      {cancelling ? <CancelBillDialog bill={cancelling} onClose={() => setCancelling(null)} /> : null}
      <ConfirmDialog
        request={
          unapplying
            ? {
                title: t('ledger.bills.unapplyTitle'),
                message: t('ledger.bills.unapplyBody', {
                  ...words,
                  amount: formatMoney(unapplying.allocation.amount_minor, unapplying.bill.currency),
                  date: formatDate(unapplying.bill.issued_on),
                }),
                confirmLabel: t('ledger.bills.unapply'),
                onConfirm: confirmUnapply,
              }
            : null
        }
        loading={unallocate.isPending}
        onClose={() => setUnapplying(null)}
      />
      {feedback.dialog}
    </Stack>
  );
}
