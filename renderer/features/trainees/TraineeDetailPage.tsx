import { Badge, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useApiQuery } from '../../api/query.js';
import { FieldList } from '../../components/FieldList.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RecordView } from '../../components/RecordView.js';
import { Tags } from '../../components/Tags.js';
import { useFormat } from '../../format/index.js';

/** A trainee's record. CNIC and phone come masked from core (revealing them comes later). */
export function TraineeDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const trainee = useApiQuery('trainees.get', { id });
  return (
    <RecordView query={trainee} notFoundTitle={t('trainees.notFound.title')} notFoundBody={t('trainees.notFound.body')}>
      {(p) => (
        <>
          <PageHeader
            above={
              <Text size="sm" c="dimmed">
                {t('trainees.kind')}
              </Text>
            }
            title={p.name}
            description={[p.city, p.district].filter(Boolean).join(', ') || undefined}
            actions={
              <Badge variant="light" color={p.consent ? 'brand' : 'gray'}>
                {p.consent ? t('trainees.consentGiven') : t('trainees.consentNotGiven')}
              </Badge>
            }
          />
          <Paper withBorder radius="md" p="lg">
            <FieldList
              items={[
                { label: t('trainees.fields.cnic'), value: p.cnic },
                { label: t('trainees.fields.gender'), value: p.gender ? t(`enums.gender.${p.gender}`) : null },
                { label: t('trainees.fields.dateOfBirth'), value: p.dateOfBirth ? format.date(p.dateOfBirth) : null },
                { label: t('trainees.fields.email'), value: p.email },
                { label: t('trainees.fields.phone'), value: p.phone },
                { label: t('trainees.fields.city'), value: p.city },
                { label: t('trainees.fields.district'), value: p.district },
                { label: t('trainees.fields.skills'), value: p.skills.length ? <Tags values={p.skills} /> : null, wide: true },
              ]}
            />
          </Paper>
        </>
      )}
    </RecordView>
  );
}
