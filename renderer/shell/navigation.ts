import { IconRocket, type Icon } from '@tabler/icons-react';
import type { Access } from '../../shared/auth/permissions.js';

/** The left navigation: only screens that exist, each shown to roles that may read it. */
export const navigation = [
  { to: '/startups', labelKey: 'nav.startups', icon: IconRocket, permission: 'startups.read' },
] as const satisfies readonly {
  to: string;
  labelKey: string;
  icon: Icon;
  permission: Access;
}[];
