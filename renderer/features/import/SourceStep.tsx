/** Step 1: what to import, the cohort where one is needed, the file, and for XLSX its sheet. */
import { useState } from 'react';
import { Alert, Button, FileInput, Group, Progress, Select, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MAX_UPLOAD_BYTES } from '../../../shared/api/files.js';
import { ImportKind, type InspectResult } from '../../../shared/api/import.js';
import { useApiClient } from '../../api/ApiProvider.js';
import { useErrorMessage } from '../../components/error-message.js';
import { useFormat } from '../../format/index.js';
import { CohortSelect, ProgrammeSelect } from '../trainees/ProgrammeCohortSelect.js';
import { uploadFile } from './files.js';
import { useJob } from './use-job.js';

export interface Inspected {
  uploadId: string;
  inspect: InspectResult;
}

const ACCEPT = '.csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function SourceStep(props: {
  kind: ImportKind;
  onKind: (kind: ImportKind) => void;
  programmeId: string | null;
  onProgramme: (id: string | null) => void;
  cohortId: string | null;
  onCohort: (id: string | null) => void;
  inspected: Inspected | null;
  onInspected: (inspected: Inspected | null) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const client = useApiClient();
  const format = useFormat();
  const describe = useErrorMessage();
  const job = useJob();
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState<{ file: File; uploadId: string } | null>(null);
  const [sent, setSent] = useState<{ sent: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const needsCohort = props.kind === 'results';
  const cohortMissing = needsCohort && !props.cohortId;

  const fileError =
    file && !/\.(csv|txt|xlsx)$/i.test(file.name)
      ? t('import.source.wrongType')
      : file && file.size > MAX_UPLOAD_BYTES
        ? t('import.source.tooBig')
        : null;

  const read = async (sheet?: string) => {
    if (!file) return;
    setError(null);
    try {
      let uploadId = uploaded?.file === file ? uploaded.uploadId : null;
      if (!uploadId) {
        setSent({ sent: 0, total: file.size });
        uploadId = await uploadFile(client, file, (done, total) => setSent({ sent: done, total }));
        setUploaded({ file, uploadId });
      }
      setSent(null);
      const inspect = await job.run('import.inspect', {
        source: { uploadId },
        kind: props.kind,
        ...(sheet ? { sheet } : {}),
        previewRows: 20,
      });
      props.onInspected({ uploadId, inspect });
    } catch (failure) {
      setSent(null);
      setError(describe(failure));
    }
  };

  const busy = sent !== null || job.running;
  const inspect = props.inspected?.inspect;
  const kinds = ImportKind.options.map((kind) => ({ value: kind, label: t(`import.kinds.${kind}`) }));

  return (
    <Stack gap="md" maw={640}>
      <Select
        label={t('import.source.kind')}
        data={kinds}
        value={props.kind}
        onChange={(value) => {
          if (!value) return;
          props.onKind(value as ImportKind);
          props.onInspected(null);
        }}
        allowDeselect={false}
        w={320}
      />
      {props.kind === 'trainees' || needsCohort ? (
        <Group gap="sm" align="flex-start" wrap="wrap">
          <ProgrammeSelect
            label={t('import.source.programme')}
            value={props.programmeId}
            onChange={(id) => {
              props.onProgramme(id);
              props.onCohort(null);
            }}
            clearable={!needsCohort}
            withAsterisk={needsCohort}
            placeholder={t('import.source.programmePlaceholder')}
            w={240}
          />
          <CohortSelect
            label={needsCohort ? t('import.source.cohort') : t('import.source.enrolIn')}
            programmeId={props.programmeId}
            value={props.cohortId}
            onChange={props.onCohort}
            clearable={!needsCohort}
            withAsterisk={needsCohort}
            w={240}
          />
        </Group>
      ) : null}
      <FileInput
        label={t('import.source.file')}
        description={t('import.source.fileHint')}
        placeholder={t('import.source.filePlaceholder')}
        accept={ACCEPT}
        value={file}
        onChange={(chosen) => {
          setFile(chosen);
          setError(null);
          props.onInspected(null);
        }}
        leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        clearable
        error={fileError}
        withAsterisk
      />
      {sent ? (
        <Stack gap={4} aria-live="polite">
          <Progress
            value={sent.total ? (sent.sent / sent.total) * 100 : 0}
            animated
            size="lg"
            aria-label={t('import.source.read')}
          />
          <Text size="sm" c="dimmed">
            {t('import.source.uploading', { sent: format.number(sent.sent), total: format.number(sent.total) })}
          </Text>
        </Stack>
      ) : job.running ? (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('import.source.reading')}
        </Text>
      ) : null}
      {error ? (
        <Alert color="red" title={t('import.source.failed')} role="alert">
          {error}
        </Alert>
      ) : null}
      {inspect ? (
        <Stack gap="xs">
          <Text size="sm" data-testid="import-found">
            {t('import.source.found', {
              rows: format.number(inspect.rowCount),
              columns: format.number(inspect.columns.length),
              file: inspect.fileName,
              headerRow: inspect.headerRow,
            })}
          </Text>
          {inspect.sheets.length > 1 ? (
            <Select
              label={t('import.source.sheet')}
              data={inspect.sheets.map((s) => ({
                value: s.name,
                label: t('import.source.sheetRows', { name: s.name, count: s.rows, rows: format.number(s.rows) }),
              }))}
              value={inspect.sheet}
              onChange={(sheet) => sheet && sheet !== inspect.sheet && void read(sheet)}
              allowDeselect={false}
              disabled={busy}
              w={320}
            />
          ) : null}
        </Stack>
      ) : null}
      <Group gap="sm">
        {inspect ? (
          <Button onClick={props.onNext} disabled={cohortMissing}>
            {t('import.source.next')}
          </Button>
        ) : (
          <Button
            leftSection={<IconUpload size={16} aria-hidden />}
            onClick={() => void read()}
            loading={busy}
            disabled={!file || fileError !== null || cohortMissing}
          >
            {t('import.source.read')}
          </Button>
        )}
        {cohortMissing ? (
          <Text size="sm" c="dimmed">
            {t('import.source.cohortRequired')}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
