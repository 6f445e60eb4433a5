import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { QueryClient } from '@tanstack/react-query';
import { ApiProvider } from './api/ApiProvider.js';
import type { CoreConnection } from './api/connect.js';
import { SessionProvider } from './features/auth/session.js';
import { DirectionSync } from './i18n/DirectionSync.js';
import { ConnectionGate } from './shell/ConnectionGate.js';
import { SessionScreens } from './shell/SessionScreens.js';
import { ShellMenuActions } from './shell/ShellMenuActions.js';
import { colorSchemeManager, theme } from './theme/theme.js';

export function App(props: { connection: CoreConnection; queryClient: QueryClient; direction: 'ltr' | 'rtl' }) {
  return (
    <DirectionProvider initialDirection={props.direction} detectDirection={false}>
      <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
        <DirectionSync />
        <Notifications position="bottom-right" limit={4} />
        <ApiProvider connection={props.connection} queryClient={props.queryClient}>
          <ShellMenuActions />
          <ConnectionGate>
            <SessionProvider>
              <SessionScreens />
            </SessionProvider>
          </ConnectionGate>
        </ApiProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
