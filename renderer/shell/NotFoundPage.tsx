import { Button } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconMapQuestion size={28} />}
      title={t('shell.notFound.title')}
      description={t('shell.notFound.body')}
      action={
        <Button component={Link} to="/startups" variant="light">
          {t('shell.notFound.action')}
        </Button>
      }
    />
  );
}
