/**
 * The signed-in frame: header (centre, search, user menu), left navigation, and the
 * routed screen.
 */
import { AppShell, Burger, Group, NavLink, ScrollArea, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingCommunity } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { can } from '../../shared/auth/permissions.js';
import { useSession } from '../features/auth/session.js';
import { SearchButton } from '../features/search/SearchButton.js';
import { SearchSpotlight } from '../features/search/SearchSpotlight.js';
import { globalComponents, navigation } from './features.js';
import { HelpOverlay } from './HelpOverlay.js';
import { UserMenu } from './UserMenu.js';

export function AppLayout() {
  const { t } = useTranslation();
  const { centre, role } = useSession();
  const location = useLocation();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" gap="md" wrap="nowrap" justify="space-between">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={navOpened} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNavigation')} />
            <ThemeIcon size="lg" radius="md" aria-hidden>
              <IconBuildingCommunity size={20} />
            </ThemeIcon>
            <div style={{ minWidth: 0 }}>
              <Text fw={700} size="sm" lh={1.2} truncate data-testid="centre-name">
                {centre?.name ?? t('app.name')}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} truncate>
                {centre?.city ? t('shell.appAndCity', { city: centre.city }) : t('app.name')}
              </Text>
            </div>
          </Group>
          <Group style={{ flex: '1 1 auto', justifyContent: 'center' }} px="md" visibleFrom="xs">
            <SearchButton />
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('shell.navigation')}>
        <AppShell.Section grow component={ScrollArea}>
          {navigation
            .filter((item) => can(role, item.permission))
            .map((item) => (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={t(item.labelKey)}
                leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
                active={location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)}
                aria-current={location.pathname.startsWith(item.to) ? 'page' : undefined}
                onClick={closeNav}
                variant="light"
              />
            ))}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <div style={{ maxWidth: 1200, marginInline: 'auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
      <SearchSpotlight />
      <HelpOverlay />
      {globalComponents.map((Global, i) => (
        <Global key={i} />
      ))}
    </AppShell>
  );
}
