import { Center, Group, SegmentedControl, Stack, Text, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel.js';

const choices = [
  { scheme: 'light', icon: IconSun },
  { scheme: 'dark', icon: IconMoon },
  { scheme: 'auto', icon: IconDeviceDesktop },
] as const satisfies readonly { scheme: MantineColorScheme; icon: unknown }[];

/** The same preference as the user menu's Appearance items (kept by renderer/theme). */
export function AppearanceTab() {
  const { t } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Panel title={t('settings.appearance.title')} description={t('settings.appearance.description')}>
      <Stack gap={6} maw={560}>
        <Text fw={500} size="sm" id="theme-choice-label">
          {t('settings.appearance.theme')}
        </Text>
        <SegmentedControl
          aria-labelledby="theme-choice-label"
          value={colorScheme}
          onChange={(value) => setColorScheme(value as MantineColorScheme)}
          data={choices.map(({ scheme, icon: Icon }) => ({
            value: scheme,
            label: (
              <Center>
                <Group gap={6} wrap="nowrap">
                  <Icon size={16} aria-hidden />
                  <span>{t(`theme.${scheme}`)}</span>
                </Group>
              </Center>
            ),
          }))}
          fullWidth
        />
        <Text size="xs" c="dimmed">
          {t('settings.appearance.preview')}
        </Text>
      </Stack>
    </Panel>
  );
}
