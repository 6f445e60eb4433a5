/** "Import…" on a list page: opens the import wizard with that kind chosen. */
import { Button } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ImportKind } from '../../../shared/api/import.js';
import { can } from '../../../shared/auth/permissions.js';
import { useSession } from '../auth/session.js';

export function ImportButton(props: { kind: ImportKind }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const navigate = useNavigate();
  if (!can(role, 'import.run')) return null;
  return (
    <Button
      variant="default"
      leftSection={<IconFileImport size={16} aria-hidden />}
      onClick={() => void navigate(`/import?kind=${props.kind}`)}
    >
      {t('import.open')}
    </Button>
  );
}
