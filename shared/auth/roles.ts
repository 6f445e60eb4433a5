import { z } from 'zod';

/**
 * admin: everything, including users of any role. manager: runs the centre (users, locks,
 * personal data). staff: day-to-day data entry. mentor: logs own sessions, reads startups.
 * viewer: reads everything that is not personal data.
 */
export const Role = z.enum(['admin', 'manager', 'staff', 'mentor', 'viewer']);
export type Role = z.infer<typeof Role>;
