import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/StatusMessage';

export function NotFoundPage() {
  const { t } = useTranslation();
  return <StatusMessage title={t('errors.notFoundTitle')} body={t('errors.notFoundBody')} />;
}
