/** The filter inputs of the practice's ledger tables: a client's name, a currency, an entry's kind and method. */
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ENTRY_KINDS, PAYMENT_METHODS, type EntryKind, type PaymentMethod } from '../../api/types';
import { SearchBox } from '../../components/SearchBox';
import { useClientWords } from '../clients/clientWords';
import { currencyChoices, type BillFilters, type EntryFilters } from './tableFilters';

export function NameFilter({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const { t } = useTranslation();
  const words = useClientWords();
  return (
    <SearchBox w={240} label={t('ledger.tables.search', words)} placeholder={t('ledger.tables.searchPlaceholder')} value={value} onChange={onChange} />
  );
}

interface CurrencyFilterProps {
  value: string | null;
  onChange: (currency: string | null) => void;
  /** The practice's currencies (offered first) and the rows (any other currency they use). */
  currencies: readonly string[];
  rows: readonly { currency: string }[];
}

export function CurrencyFilter({ value, onChange, currencies, rows }: CurrencyFilterProps) {
  const { t } = useTranslation();
  return (
    <Select
      w={180}
      label={t('ledger.tables.currency')}
      placeholder={t('ledger.tables.allCurrencies')}
      data={currencyChoices(rows, currencies)}
      value={value}
      onChange={onChange}
      clearable
    />
  );
}

interface FilterInputsProps<F> {
  filters: F;
  onChange: (filters: F) => void;
  currencies: readonly string[];
  rows: readonly { currency: string }[];
}

export function EntryFilterInputs({ filters, onChange, currencies, rows }: FilterInputsProps<EntryFilters>) {
  const { t } = useTranslation();
  const set = (change: Partial<EntryFilters>) => onChange({ ...filters, ...change });
  return (
    <>
      <NameFilter value={filters.q} onChange={(q) => set({ q })} />
      <Select
        w={170}
        label={t('ledger.tables.kind')}
        placeholder={t('ledger.tables.allKinds')}
        data={ENTRY_KINDS.map((kind) => ({ value: kind, label: t(`ledger.kinds.${kind}`) }))}
        value={filters.kind}
        onChange={(kind) => set({ kind: kind as EntryKind | null })}
        clearable
      />
      <Select
        w={190}
        label={t('ledger.tables.method')}
        placeholder={t('ledger.tables.allMethods')}
        data={PAYMENT_METHODS.map((method) => ({ value: method, label: t(`ledger.methods.${method}`) }))}
        value={filters.method}
        onChange={(method) => set({ method: method as PaymentMethod | null })}
        clearable
      />
      <CurrencyFilter value={filters.currency} onChange={(currency) => set({ currency })} currencies={currencies} rows={rows} />
    </>
  );
}

export function BillFilterInputs({ filters, onChange, currencies, rows }: FilterInputsProps<BillFilters>) {
  const set = (change: Partial<BillFilters>) => onChange({ ...filters, ...change });
  return (
    <>
      <NameFilter value={filters.q} onChange={(q) => set({ q })} />
      <CurrencyFilter value={filters.currency} onChange={(currency) => set({ currency })} currencies={currencies} rows={rows} />
    </>
  );
}
