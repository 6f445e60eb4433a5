/**
 * What a screen area contributes to the shell: its routes and its entries in the left
 * navigation. Each feature folder exports one `Feature` from its `feature.tsx`; the router
 * and the navigation are assembled from the list in shell/features.ts.
 */
import type { Icon } from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { Access } from '../../shared/auth/permissions.js';

export interface NavItem {
  to: string;
  /** An i18n key under the translation namespace. */
  labelKey: ParseKeys;
  icon: Icon;
  permission: Access;
  /** Smaller numbers come first. */
  order: number;
}

/** A keyboard shortcut, listed in the help overlay (?). */
export interface Shortcut {
  /** Mantine hotkey notation, e.g. 'mod+L'. */
  keys: string;
  labelKey: ParseKeys;
}

export interface Feature {
  routes: RouteObject[];
  nav: NavItem[];
  /** Rendered once inside the signed-in shell (e.g. a modal opened by a global shortcut). */
  global?: ComponentType;
  shortcuts?: Shortcut[];
}
