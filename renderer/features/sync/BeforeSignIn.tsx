/**
 * The screens before anyone can sign in, where sync has a say:
 *
 * - First run: set up a new centre (auth's first-run form), or join a central server, whose
 *   snapshot brings the centre (and its accounts) to this computer. A join that was
 *   interrupted while the centre's data arrived is continued from here.
 * - Sign-in: a centre that came from the server without any manager first needs one.
 */
import { useState } from 'react';
import { Alert, Button, Divider, Stack } from '@mantine/core';
import { IconPlugConnected, IconArrowLeft } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../../shared/api/client.js';
import { useApiClient } from '../../api/ApiProvider.js';
import { asApiFailure } from '../../api/errors.js';
import { apiQueryKey, useApiQuery } from '../../api/query.js';
import { QueryError } from '../../components/QueryError.js';
import { Splash } from '../../shell/Splash.js';
import { AuthLayout } from '../auth/AuthLayout.js';
import { FirstRunPage } from '../auth/FirstRunPage.js';
import { useSession } from '../auth/session.js';
import { SignInPage } from '../auth/SignInPage.js';
import { FirstManagerForm } from './FirstManagerForm.js';
import { JoinServerForm } from './JoinServerForm.js';
import { SyncJobProgress } from './JobProgress.js';

/** After a join step: read again whether this workstation is set up, and what it still needs. */
function useRefreshAfterJoin(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.refetchQueries({ queryKey: apiQueryKey('sync.join.state', {}) });
    await queryClient.refetchQueries({ queryKey: apiQueryKey('auth.status', {}) });
  };
}

export function FirstRunOrJoin() {
  const { t } = useTranslation();
  const [joining, setJoining] = useState(false);
  // A join in progress is "joined, still bootstrapping" to core from its first moment: that is
  // the join running here, not one that was interrupted.
  const [joinRunning, setJoinRunning] = useState(false);
  const state = useApiQuery('sync.join.state', {}, { staleTime: 0 });
  if (state.isError) return <QueryError error={state.error} onRetry={() => void state.refetch()} />;
  if (!state.data) return <Splash label={t('common.loading')} />;
  if (state.data.joined && state.data.phase === 'bootstrapping' && !joinRunning)
    return <ResumeJoin serverUrl={state.data.serverUrl ?? ''} lastError={state.data.lastError?.message ?? null} />;
  if (joining) return <JoinServerScreen onBack={() => setJoining(false)} onRunningChange={setJoinRunning} />;
  return (
    <FirstRunPage
      footer={
        <Stack gap="xs" mt="lg">
          <Divider label={t('sync.join.entryHint')} labelPosition="center" />
          <Button
            variant="light"
            leftSection={<IconPlugConnected size={16} aria-hidden />}
            onClick={() => setJoining(true)}
            fullWidth
          >
            {t('sync.join.entry')}
          </Button>
        </Stack>
      }
    />
  );
}

function JoinServerScreen(props: { onBack: () => void; onRunningChange: (running: boolean) => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshAfterJoin();
  const [running, setRunning] = useState(false);
  const runningChanged = (now: boolean) => {
    setRunning(now);
    props.onRunningChange(now);
  };
  return (
    <AuthLayout title={t('sync.join.title')} description={t('sync.join.descriptionFirstRun')} width={480}>
      <Stack gap="md">
        <JoinServerForm onJoined={() => void refresh()} onRunningChange={runningChanged} />
        {/* Not while joining: the join goes on in core, and this computer is half set up. */}
        {running ? null : (
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={props.onBack}>
            {t('sync.join.backToFirstRun')}
          </Button>
        )}
      </Stack>
    </AuthLayout>
  );
}

/** Joined, but the centre's data has not all arrived (the app closed, the network dropped). */
function ResumeJoin(props: { serverUrl: string; lastError: string | null }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const refresh = useRefreshAfterJoin();
  const [running, setRunning] = useState<{ progress: JobProgress | null } | null>(null);
  const [error, setError] = useState<string | null>(props.lastError);

  const resume = async () => {
    setRunning({ progress: null });
    setError(null);
    try {
      await client.runJob('sync.join.resume', {}, { onProgress: (progress) => setRunning({ progress }) });
    } catch (failure) {
      setError(asApiFailure(failure).error.message);
    } finally {
      setRunning(null);
      await refresh();
    }
  };

  return (
    <AuthLayout
      title={t('sync.join.interruptedTitle')}
      description={t('sync.join.interrupted', { server: props.serverUrl })}
      width={480}
    >
      <Stack gap="md">
        {error ? (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        ) : null}
        {running ? <SyncJobProgress progress={running.progress} /> : null}
        <Button onClick={() => void resume()} loading={running !== null} fullWidth>
          {t('sync.join.continue')}
        </Button>
      </Stack>
    </AuthLayout>
  );
}

/** Sign-in, unless the centre came from the server without a manager: then create one. */
export function SignInOrFirstManager() {
  const { t } = useTranslation();
  const session = useSession();
  const state = useApiQuery('sync.join.state', {}, { staleTime: 0 });
  if (state.isPending) return <Splash label={t('common.loading')} />;
  if (state.data?.needsFirstManager) {
    const centre = session.centre?.name ?? state.data.centreName ?? '';
    return (
      <AuthLayout title={t('sync.firstManager.title')} description={t('sync.firstManager.description', { centre })} width={480}>
        <FirstManagerForm />
      </AuthLayout>
    );
  }
  return <SignInPage />;
}
