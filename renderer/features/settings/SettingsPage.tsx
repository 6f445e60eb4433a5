/**
 * Settings, in tabs: Users & roles and Backups only for the roles that may manage them;
 * Appearance, Centre (changed by managers) and Data for everyone. The open tab is in the address (?tab=backups).
 */
import { Tabs } from '@mantine/core';
import { IconBuildingCommunity, IconDatabase, IconPalette, IconUsers, IconArchive } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { can } from '../../../shared/auth/permissions.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useSession } from '../auth/session.js';
import { AppearanceTab } from './AppearanceTab.js';
import { BackupsTab } from './BackupsTab.js';
import { CentreTab } from './CentreTab.js';
import { DataTab } from './DataTab.js';
import { UsersTab } from './UsersTab.js';

const ALL_TABS = ['users', 'appearance', 'centre', 'data', 'backups'] as const;
type TabName = (typeof ALL_TABS)[number];

export function SettingsPage() {
  const { t } = useTranslation();
  const { role } = useSession();
  const [params, setParams] = useSearchParams();
  const visible = ALL_TABS.filter(
    (tab) => (tab !== 'users' || can(role, 'users.manage')) && (tab !== 'backups' || can(role, 'backup.manage')),
  );
  const asked = params.get('tab') as TabName | null;
  const active: TabName = asked && visible.includes(asked) ? asked : visible[0]!;
  const icons = {
    users: IconUsers,
    appearance: IconPalette,
    centre: IconBuildingCommunity,
    data: IconDatabase,
    backups: IconArchive,
  } as const;

  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <Tabs
        value={active}
        onChange={(value) => value && setParams({ tab: value }, { replace: true })}
        keepMounted={false}
        variant="outline"
      >
        <Tabs.List aria-label={t('settings.tabs.label')} mb="lg">
          {visible.map((tab) => {
            const Icon = icons[tab];
            return (
              <Tabs.Tab key={tab} value={tab} leftSection={<Icon size={16} aria-hidden />}>
                {t(`settings.tabs.${tab}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        {visible.includes('users') ? (
          <Tabs.Panel value="users">
            <UsersTab />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="appearance">
          <AppearanceTab />
        </Tabs.Panel>
        <Tabs.Panel value="centre">
          <CentreTab />
        </Tabs.Panel>
        <Tabs.Panel value="data">
          <DataTab />
        </Tabs.Panel>
        {visible.includes('backups') ? (
          <Tabs.Panel value="backups">
            <BackupsTab />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </>
  );
}
