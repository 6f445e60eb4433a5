import { Menu, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { IconCheck, IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const choices = [
  { scheme: 'light', icon: IconSun },
  { scheme: 'dark', icon: IconMoon },
  { scheme: 'auto', icon: IconDeviceDesktop },
] as const satisfies readonly { scheme: MantineColorScheme; icon: unknown }[];

/** Light / dark / system, as items of the user menu. */
export function ThemeMenuItems() {
  const { t } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <>
      <Menu.Label>{t('theme.label')}</Menu.Label>
      {choices.map(({ scheme, icon: Icon }) => (
        <Menu.Item
          key={scheme}
          leftSection={<Icon size={16} aria-hidden />}
          rightSection={colorScheme === scheme ? <IconCheck size={16} aria-label={t('theme.current')} /> : null}
          onClick={() => setColorScheme(scheme)}
          closeMenuOnClick={false}
          aria-current={colorScheme === scheme ? 'true' : undefined}
        >
          {t(`theme.${scheme}`)}
        </Menu.Item>
      ))}
    </>
  );
}
