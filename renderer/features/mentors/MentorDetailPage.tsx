import { Anchor, Badge, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useApiQuery } from '../../api/query.js';
import { FieldList } from '../../components/FieldList.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RecordView } from '../../components/RecordView.js';
import { Tags } from '../../components/Tags.js';
import { useFormat } from '../../format/index.js';

export function MentorDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const mentor = useApiQuery('mentors.get', { id });
  return (
    <RecordView query={mentor} notFoundTitle={t('mentors.notFound.title')} notFoundBody={t('mentors.notFound.body')}>
      {(m) => (
        <>
          <PageHeader
            above={
              <Text size="sm" c="dimmed">
                {t('mentors.kind')}
              </Text>
            }
            title={m.name}
            description={
              m.centreId === null ? (
                <Badge variant="light" color="indigo" component="span">
                  {t('mentors.national')}
                </Badge>
              ) : (
                m.organisation
              )
            }
          />
          <Paper withBorder radius="md" p="lg">
            <FieldList
              items={[
                { label: t('mentors.fields.organisation'), value: m.organisation },
                { label: t('mentors.fields.expertise'), value: m.expertise.length ? <Tags values={m.expertise} /> : null },
                { label: t('mentors.fields.city'), value: m.city },
                { label: t('mentors.fields.country'), value: m.country },
                { label: t('mentors.fields.timeZone'), value: m.timeZone },
                { label: t('mentors.fields.localTime'), value: format.timeInZone(m.timeZone) },
                {
                  label: t('mentors.fields.email'),
                  value: m.email ? <Anchor href={`mailto:${m.email}`}>{m.email}</Anchor> : null,
                },
                { label: t('mentors.fields.phone'), value: m.phone },
                { label: t('mentors.fields.availability'), value: m.availability, wide: true },
              ]}
            />
          </Paper>
        </>
      )}
    </RecordView>
  );
}
