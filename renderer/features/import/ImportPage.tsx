/**
 * The import wizard: File → Columns → Check → Import (shared/api/import.ts). Every step's
 * work is core's; this page holds the choices between the steps.
 */
import { useState } from 'react';
import { Alert, Paper, Stepper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ImportKind, type AnalyseResult, type ColumnMapping, type ImportSummary } from '../../../shared/api/import.js';
import { asApiFailure } from '../../api/errors.js';
import { useErrorMessage } from '../../components/error-message.js';
import { useNotify } from '../../components/notify.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useFormat } from '../../format/index.js';
import { CheckStep, decisionOf, type CheckChoices } from './CheckStep.js';
import { ColumnsStep } from './ColumnsStep.js';
import { ImportProgress, ImportSummaryView } from './RunStep.js';
import { SourceStep, type Inspected } from './SourceStep.js';
import { useJob } from './use-job.js';

/** A step's second line, left out when the window is too narrow for four steps in a row. */
function StepHint(props: { text: string }) {
  return (
    <Text span inherit visibleFrom="lg">
      {props.text}
    </Text>
  );
}

const LIST_OF: Record<ImportKind, string> = {
  trainees: '/trainees',
  startups: '/startups',
  mentors: '/mentors',
  results: '/trainees',
};

export function ImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const describe = useErrorMessage();
  const format = useFormat();
  const [params] = useSearchParams();
  const initialKind = ImportKind.safeParse(params.get('kind'));
  const [kind, setKind] = useState<ImportKind>(initialKind.success ? initialKind.data : 'trainees');
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const [cohortId, setCohortId] = useState<string | null>(null);
  const [step, setStep] = useState(0);
  const [inspected, setInspectedState] = useState<Inspected | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [analysis, setAnalysis] = useState<AnalyseResult | null>(null);
  const [choices, setChoices] = useState<CheckChoices>({ decisions: {}, validOnly: false, onDuplicate: 'skip' });
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const analyseJob = useJob();
  const commitJob = useJob();

  const setInspected = (next: Inspected | null) => {
    setInspectedState(next);
    setAnalysis(null);
    if (next) setMapping(next.inspect.savedMapping?.mapping ?? next.inspect.suggested.mapping);
  };

  const request = () => {
    if (!inspected) throw new Error('No file');
    return {
      source: { uploadId: inspected.uploadId },
      kind,
      sheet: inspected.inspect.sheet,
      headerRow: inspected.inspect.headerRow,
      mapping,
      options: {
        onDuplicate: choices.onDuplicate,
        dateOrder: 'dmy' as const,
        ...(cohortId && (kind === 'trainees' || kind === 'results') ? { cohortId } : {}),
      },
    };
  };

  const analyse = async () => {
    setError(null);
    setStep(2);
    try {
      const result = await analyseJob.run('import.analyse', request());
      setAnalysis(result);
      setChoices((c) => ({ ...c, decisions: {} }));
    } catch (failure) {
      setError(describe(failure));
      notify.failed(failure, t('import.check.failed'));
    }
  };

  const commit = async () => {
    if (!analysis) return;
    setError(null);
    setSummary(null);
    setStep(3);
    try {
      const result = await commitJob.run('import.commit', {
        ...request(),
        decisions: analysis.groups.map((g) => ({ group: g.id, decision: decisionOf(g, choices) })),
        validOnly: choices.validOnly,
      });
      setSummary(result);
      setStep(4);
      notify.saved(
        t('import.run.toast', {
          added: format.number(result.added),
          updated: format.number(result.updated),
          skipped: format.number(result.skipped),
          rejected: format.number(result.rejected),
        }),
      );
    } catch (failure) {
      if (asApiFailure(failure).error.code === 'cancelled') {
        notify.saved(t('import.run.cancelled'));
        setStep(2);
      } else {
        setError(describe(failure));
        notify.failed(failure, t('import.run.failed'));
      }
    }
  };

  const restart = () => {
    setStep(0);
    setInspected(null);
    setSummary(null);
    setError(null);
  };

  return (
    <>
      <PageHeader title={t('import.title')} description={t('import.description')} />
      <Paper withBorder radius="md" p="lg">
        <Stepper
          styles={{ content: { paddingTop: 'var(--mantine-spacing-xl)' } }}
          active={step}
          onStepClick={(s) => s < step && step < 3 && setStep(s)}
          allowNextStepsSelect={false}
        >
          <Stepper.Step label={t('import.steps.file')} description={<StepHint text={t('import.steps.fileHint')} />}>
            <SourceStep
              kind={kind}
              onKind={setKind}
              programmeId={programmeId}
              onProgramme={setProgrammeId}
              cohortId={cohortId}
              onCohort={setCohortId}
              inspected={inspected}
              onInspected={setInspected}
              onNext={() => setStep(1)}
            />
          </Stepper.Step>
          <Stepper.Step label={t('import.steps.columns')} description={<StepHint text={t('import.steps.columnsHint')} />}>
            {inspected ? (
              <ColumnsStep
                kind={kind}
                inspect={inspected.inspect}
                mapping={mapping}
                onMapping={setMapping}
                onBack={() => setStep(0)}
                onNext={() => void analyse()}
              />
            ) : null}
          </Stepper.Step>
          <Stepper.Step
            label={t('import.steps.check')}
            description={<StepHint text={t('import.steps.checkHint')} />}
            loading={analyseJob.running}
          >
            {error && !analysis ? (
              <Alert color="red" title={t('import.check.failed')} role="alert">
                {error}
              </Alert>
            ) : null}
            {analyseJob.running && !analysis ? (
              <ImportProgress progress={analyseJob.progress} onCancel={analyseJob.cancel} />
            ) : analysis ? (
              <CheckStep
                analysis={analysis}
                choices={choices}
                onChoices={setChoices}
                rechecking={analyseJob.running}
                onRecheck={() => void analyse()}
                onBack={() => setStep(1)}
                onImport={() => void commit()}
              />
            ) : null}
          </Stepper.Step>
          <Stepper.Step
            label={t('import.steps.import')}
            description={<StepHint text={t('import.steps.importHint')} />}
            loading={commitJob.running}
          >
            {commitJob.running ? <ImportProgress progress={commitJob.progress} onCancel={commitJob.cancel} /> : null}
            {error && !commitJob.running && !summary ? (
              <Alert color="red" title={t('import.run.failed')} role="alert">
                {error}
              </Alert>
            ) : null}
          </Stepper.Step>
          <Stepper.Completed>
            {summary ? (
              <ImportSummaryView summary={summary} onList={() => void navigate(LIST_OF[kind])} onAgain={restart} />
            ) : null}
          </Stepper.Completed>
        </Stepper>
      </Paper>
    </>
  );
}
