/**
 * Joining a central server: its address and a one-time enrolment code (and, optionally, how
 * the server's device list names this computer). Runs the `sync.enrol` job, which also
 * receives the centre's data (or sends this workstation's) with a progress bar and a Stop
 * button. Core's refusals show beside the field they concern.
 */
import { useRef, useState } from 'react';
import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../../shared/api/client.js';
import type { EnrolResult } from '../../../shared/api/sync.js';
import { useApiClient } from '../../api/ApiProvider.js';
import { blankToNull, useApiForm } from '../../api/forms.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormFrame } from '../../components/FormFrame.js';
import { SyncJobProgress } from './JobProgress.js';

const initialValues = { serverUrl: '', code: '', deviceName: '' };

export function JoinServerForm(props: {
  onJoined: (result: EnrolResult) => void;
  /**
   * The join job started (true) or ended (false). Core says "joined" before the job's first
   * sync is over, so the screen around the form must keep it (and its progress) until then.
   */
  onRunningChange?: (running: boolean) => void;
}) {
  const { t } = useTranslation();
  const client = useApiClient();
  const describeIssue = useDescribeIssue();
  const form = useApiForm({ initialValues, describeIssue });
  const [running, setRunning] = useState<{ progress: JobProgress | null } | null>(null);
  const jobRef = useRef<string | null>(null);

  const submit = async () => {
    setRunning({ progress: null });
    props.onRunningChange?.(true);
    try {
      const v = form.values;
      const result = await client.runJob(
        'sync.enrol',
        { serverUrl: v.serverUrl, code: v.code, deviceName: blankToNull(v.deviceName) ?? undefined },
        {
          onStarted: (jobId) => (jobRef.current = jobId),
          onProgress: (progress) => setRunning({ progress }),
        },
      );
      props.onJoined(result);
    } finally {
      jobRef.current = null;
      setRunning(null);
      props.onRunningChange?.(false);
    }
  };

  const stop = () => {
    if (jobRef.current) void client.call('jobs.cancel', { jobId: jobRef.current }).catch(() => undefined);
  };

  return (
    <FormFrame
      form={form}
      onSubmit={submit}
      submitLabel={t('sync.join.submit')}
      pending={running !== null}
      label={t('sync.join.title')}
    >
      <TextInput
        label={t('sync.join.serverUrl')}
        description={t('sync.join.serverUrlHint')}
        required
        autoFocus
        autoComplete="url"
        inputMode="url"
        disabled={running !== null}
        {...form.textProps('serverUrl')}
      />
      <TextInput
        label={t('sync.join.code')}
        description={t('sync.join.codeHint')}
        required
        autoComplete="off"
        spellCheck={false}
        disabled={running !== null}
        {...form.textProps('code')}
      />
      <TextInput
        label={t('sync.join.deviceName')}
        description={t('sync.join.deviceNameHint')}
        disabled={running !== null}
        {...form.textProps('deviceName')}
      />
      {running ? <SyncJobProgress progress={running.progress} onStop={stop} /> : null}
    </FormFrame>
  );
}
