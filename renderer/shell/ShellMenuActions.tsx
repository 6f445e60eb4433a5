import { useEffect } from 'react';
import { useMantineColorScheme } from '@mantine/core';
import { useConnection } from '../api/ApiProvider.js';
import { openHelp } from './help.js';

/**
 * Acts on the desktop app's menu: View → Appearance sets the same preference as the user
 * menu; File → Backup opens Settings → Backups; Help → Keyboard shortcuts opens the overlay.
 */
export function ShellMenuActions() {
  const { shell } = useConnection();
  const { setColorScheme } = useMantineColorScheme();
  useEffect(
    () =>
      shell?.onMenu((payload) => {
        if (payload.action === 'theme') setColorScheme(payload.theme === 'system' ? 'auto' : payload.theme);
        else if (payload.action === 'show-shortcuts') openHelp();
        // A hash route: the signed-in router follows it (after sign-in, if need be).
        else if (payload.action === 'backup') window.location.hash = '#/settings?tab=backups';
      }),
    [shell, setColorScheme],
  );
  return null;
}
