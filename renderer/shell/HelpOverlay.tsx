/**
 * The keyboard-shortcuts overlay: the built-in shortcuts (Ctrl+K search, ? help) and
 * every feature's own (shell/features.ts). Opened with "?" when focus is not in a text
 * field, from the user menu, or from the desktop app's Help menu.
 */
import { Fragment } from 'react';
import { Group, Kbd, Modal, Stack, Table, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Shortcut } from './feature.js';
import { shortcuts as featureShortcuts } from './features.js';
import { closeHelp, openHelp, useHelpOpened } from './help.js';

/** Ctrl+K is handled by the search spotlight itself; it is listed here so people find it. */
export const builtInShortcuts: Shortcut[] = [
  { keys: 'mod+K', labelKey: 'shell.help.search' },
  { keys: '?', labelKey: 'shell.help.help' },
];

const NAMED = [
  'mod',
  'ctrl',
  'alt',
  'shift',
  'meta',
  'enter',
  'escape',
  'space',
  'slash',
  'arrowup',
  'arrowdown',
  'arrowleft',
  'arrowright',
] as const;
type NamedKey = (typeof NAMED)[number];
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** 'mod+shift+K' → ['Ctrl', 'Shift', 'K'] (⌘ for mod on a Mac). */
export function useKeyNames(): (keys: string) => string[] {
  const { t } = useTranslation();
  return (keys) =>
    keys
      .split('+')
      .map((k) => k.trim())
      .filter((k) => k.length > 0)
      .map((k) => {
        const lower = k.toLowerCase();
        if (lower === 'mod' && isMac) return '⌘';
        if ((NAMED as readonly string[]).includes(lower)) return t(`shell.help.keyNames.${lower as NamedKey}`);
        return k.length === 1 ? k.toUpperCase() : k[0]!.toUpperCase() + k.slice(1);
      });
}

export function HelpOverlay() {
  const { t } = useTranslation();
  const opened = useHelpOpened();
  const keyNames = useKeyNames();
  // "?" is Shift+/ on most layouts and a key of its own on some; both open the overlay.
  // The default ignored tags (input, textarea, select) and contenteditable keep it out of typing.
  useHotkeys([
    ['shift+?', openHelp],
    ['?', openHelp],
  ]);
  const all = [...builtInShortcuts, ...featureShortcuts];
  return (
    <Modal opened={opened} onClose={closeHelp} title={t('shell.help.title')} size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('shell.help.description')}
        </Text>
        <Table aria-label={t('shell.help.tableLabel')} verticalSpacing="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={180}>{t('shell.help.keys')}</Table.Th>
              <Table.Th>{t('shell.help.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {all.map((shortcut) => (
              <Table.Tr key={shortcut.keys}>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" aria-label={keyNames(shortcut.keys).join(' + ')}>
                    {keyNames(shortcut.keys).map((key, i) => (
                      <Fragment key={i}>
                        {i > 0 ? (
                          <Text span size="xs" c="dimmed" aria-hidden>
                            +
                          </Text>
                        ) : null}
                        <Kbd size="sm">{key}</Kbd>
                      </Fragment>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{t(shortcut.labelKey)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Modal>
  );
}
