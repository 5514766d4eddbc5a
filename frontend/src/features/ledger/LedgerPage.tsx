/**
 * The practice's ledger, for admins and the front desk (the API refuses clinicians, who do not see it in the
 * navigation either): the daily close (printable), unpaid bills, the aging of balances and the entries of a
 * date range with their CSV. The section is in the URL (`?section=aging`).
 */
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { RequireRole } from '../auth/RequireRole';
import { AgingSection } from './AgingSection';
import { DailyCloseSection } from './DailyCloseSection';
import { EntriesSection } from './EntriesSection';
import classes from './LedgerPage.module.css';
import { UnpaidBillsSection } from './UnpaidBillsSection';

const SECTIONS = ['close', 'unpaid', 'aging', 'entries'] as const;
type Section = (typeof SECTIONS)[number];

function readSection(value: string | null): Section {
  return SECTIONS.find((section) => section === value) ?? 'close';
}

export default function LedgerPage() {
  return (
    <RequireRole roles={['admin', 'front_desk']}>
      <Ledger />
    </RequireRole>
  );
}

function Ledger() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const section = readSection(params.get('section'));

  return (
    <Stack gap="md">
      <Title order={1} size="h2" className={classes.noPrint}>
        {t('nav.ledger')}
      </Title>
      <Tabs
        value={section}
        keepMounted={false}
        onChange={(value) => setParams(value && value !== 'close' ? { section: value } : {}, { replace: true })}
      >
        <Tabs.List aria-label={t('ledger.page.sections')} className={classes.noPrint}>
          {SECTIONS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`ledger.page.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="close" pt="md">
          <DailyCloseSection />
        </Tabs.Panel>
        <Tabs.Panel value="unpaid" pt="md">
          <UnpaidBillsSection />
        </Tabs.Panel>
        <Tabs.Panel value="aging" pt="md">
          <AgingSection />
        </Tabs.Panel>
        <Tabs.Panel value="entries" pt="md">
          <EntriesSection />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
