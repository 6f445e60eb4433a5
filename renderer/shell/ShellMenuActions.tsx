import { useEffect } from 'react';
import { useMantineColorScheme } from '@mantine/core';
import { useConnection } from '../api/ApiProvider.js';

/**
 * Acts on the desktop app's menu: View → Appearance sets the same preference as the user
 * menu. (File → Backup and Help → Keyboard shortcuts arrive with their screens.)
 */
export function ShellMenuActions() {
  const { shell } = useConnection();
  const { setColorScheme } = useMantineColorScheme();
  useEffect(
    () =>
      shell?.onMenu((payload) => {
        if (payload.action === 'theme') setColorScheme(payload.theme === 'system' ? 'auto' : payload.theme);
      }),
    [shell, setColorScheme],
  );
  return null;
}
