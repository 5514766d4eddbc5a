import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types';
import { StatusMessage } from '../../components/StatusMessage';
import { useSession } from './useSession';

/** Renders its children only for the given roles (the API enforces the same; this just avoids a dead screen). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();

  if (session.status === 'signed_in' && roles.includes(session.user.role)) return children;
  return <StatusMessage title={t('errors.forbiddenTitle')} body={t('errors.forbiddenBody')} />;
}
