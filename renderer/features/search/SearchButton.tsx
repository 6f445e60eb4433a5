import { Group, Kbd, Text, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { openSearch } from './SearchSpotlight.js';
import classes from './SearchButton.module.css';

/** The header's search box: opens the Ctrl+K search. */
export function SearchButton() {
  const { t } = useTranslation();
  return (
    <UnstyledButton className={classes.button} onClick={openSearch} aria-keyshortcuts="Control+K" aria-haspopup="dialog">
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Group gap="xs" wrap="nowrap">
          <IconSearch size={16} aria-hidden />
          <Text size="sm">{t('search.open')}</Text>
        </Group>
        <Group gap={2} wrap="nowrap" aria-hidden visibleFrom="sm">
          <Kbd size="xs">{t('search.ctrl')}</Kbd>
          <Kbd size="xs">K</Kbd>
        </Group>
      </Group>
    </UnstyledButton>
  );
}
