/**
 * The centre's settings: how its quarterly reports count quarters (calendar quarters, or
 * Pakistan's fiscal year from July). Everyone sees it; managers change it.
 */
import { Select, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/auth/permissions.js';
import type { QuarterScheme } from '../../../shared/reports/quarters.js';
import { quarterLabel, quarterOf } from '../../../shared/reports/quarters.js';
import { useApiMutation, useApiQuery } from '../../api/query.js';
import { Panel } from '../../components/Panel.js';
import { useNotify } from '../../components/notify.js';
import { QueryError } from '../../components/QueryError.js';
import { useSession } from '../auth/session.js';

const SCHEMES: QuarterScheme[] = ['calendar', 'pk-fiscal'];

export function CentreTab() {
  const { t } = useTranslation();
  const { role } = useSession();
  const notify = useNotify();
  const centre = useApiQuery('centre.get', {});
  const update = useApiMutation('centre.update');
  const mayChange = can(role, 'centre.manage');
  const thisQuarter = quarterOf(new Date().toISOString());

  const choose = async (scheme: QuarterScheme) => {
    try {
      await update.mutateAsync({ quarterScheme: scheme });
      notify.saved(t('settings.centre.schemeSaved', { example: quarterLabel(thisQuarter, scheme) }));
    } catch (error) {
      notify.failed(error);
    }
  };

  let body;
  if (centre.isError) body = <QueryError error={centre.error} onRetry={() => void centre.refetch()} />;
  else if (!centre.data) body = <Skeleton h={90} />;
  else {
    const scheme = centre.data.quarterScheme;
    body = (
      <Stack gap="xs" maw={560}>
        <Select
          label={t('settings.centre.scheme')}
          description={t('settings.centre.schemeHint')}
          data={SCHEMES.map((s) => ({ value: s, label: t(`settings.centre.schemes.${s}`) }))}
          value={scheme}
          onChange={(value) => value && value !== scheme && void choose(value as QuarterScheme)}
          allowDeselect={false}
          disabled={!mayChange || update.isPending}
          data-testid="quarter-scheme"
        />
        <Text size="sm" c="dimmed">
          {t('settings.centre.example', { example: quarterLabel(thisQuarter, scheme) })}
        </Text>
        {mayChange ? null : (
          <Text size="xs" c="dimmed">
            {t('settings.centre.managersOnly')}
          </Text>
        )}
      </Stack>
    );
  }

  return (
    <Panel title={t('settings.centre.title', { name: centre.data?.name ?? '' })} description={t('settings.centre.description')}>
      {body}
    </Panel>
  );
}
