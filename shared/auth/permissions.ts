/**
 * The one permission table. Core checks it on every call (shared/api declares which
 * permission each call needs); the UI reads it only to hide what a role cannot do.
 */
import type { Role } from './roles.js';

const everyone: readonly Role[] = ['admin', 'manager', 'staff', 'mentor', 'viewer'];
const office: readonly Role[] = ['admin', 'manager', 'staff'];
const managers: readonly Role[] = ['admin', 'manager'];

export const permissionTable = {
  'centre.read': everyone,
  'centre.manage': managers,
  'users.read': managers,
  'users.manage': managers,
  'programmes.read': everyone,
  'programmes.write': office,
  'startups.read': everyone,
  'startups.write': office,
  'metrics.write': office,
  'metrics.lock': managers,
  'mentors.read': everyone,
  'mentors.write': office,
  'sessions.read': everyone,
  'sessions.write': [...office, 'mentor'],
  'trainees.read': everyone,
  'trainees.write': office,
  /** See a CNIC or phone number in clear; every reveal is audited. */
  'pii.reveal': managers,
  'audit.read': managers,
  'backup.manage': managers,
  'history.read': everyone,
  search: everyone,
  /** See the sync status, pending and rejected changes. */
  'sync.read': everyone,
  /** Press "Sync now". */
  'sync.run': everyone,
  /** Join a sync server; dismiss rejected changes. */
  'sync.manage': managers,
  /** Import spreadsheets (core also checks the write permission of what is imported). */
  'import.run': office,
  /** Export a list to CSV or XLSX (core also checks the list's read permission). */
  'export.run': everyone,
  /** See the quarterly report and export it (the national roll-up needs a national device). */
  'reports.read': everyone,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionTable;

/** 'public' calls need no sign-in (first run, sign-in); 'signed-in' any signed-in user. */
export type Access = Permission | 'public' | 'signed-in';

export function can(role: Role | null | undefined, access: Access): boolean {
  if (access === 'public') return true;
  if (!role) return false;
  if (access === 'signed-in') return true;
  return (permissionTable[access] as readonly Role[]).includes(role);
}

/** Roles a user of `role` may grant: only an admin makes admins. */
export function grantableRoles(role: Role): Role[] {
  if (role === 'admin') return ['admin', 'manager', 'staff', 'mentor', 'viewer'];
  if (role === 'manager') return ['manager', 'staff', 'mentor', 'viewer'];
  return [];
}
