import {
  Center,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
  useMantineColorScheme,
  type MantineColorScheme,
} from '@mantine/core';
import { IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

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
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md" maw={560}>
        <Stack gap={4}>
          <Title order={2} size="h4">
            {t('settings.appearance.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('settings.appearance.description')}
          </Text>
        </Stack>
        <Stack gap={6}>
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
      </Stack>
    </Paper>
  );
}
