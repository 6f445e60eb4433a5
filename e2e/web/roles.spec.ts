/**
 * What a staff member and a mentor may do, as shared/auth/permissions.ts says: the controls
 * their role may not use are not shown, and calling core directly for the same thing (as a
 * script in the page could) is refused with `forbidden`. The viewer's view is in
 * dashboard.spec.ts.
 *
 * staff: day-to-day data entry (startups, check-ins, mentors, sessions, programmes,
 * trainees), but no users, no backups, no locking a quarter, no personal data in clear.
 * mentor: reads the centre's records and logs sessions; changes nothing else.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, skipWithoutChromium, test } from '../support/web-fixture.js';
import {
  addMentor,
  addStartup,
  addUser,
  callAsSignedIn,
  goTo,
  manager,
  setUpCentre,
  signIn,
  signOut,
  type Person,
} from './centre.js';

skipWithoutChromium();

const staff: Person = { name: 'Bilal Ahmed', email: 'bilal@nic-karachi.pk', password: 'chai at the dhaba daily' };
const mentorUser: Person = { name: 'Sara Ahmed', email: 'sara@wise.example.com', password: 'rain on the tin roof' };
const startup = 'Sehat Kahani Labs';

async function openStartup(page: Page): Promise<string> {
  await goTo(page, 'Startups');
  await page.getByRole('link', { name: startup }).click();
  await expect(page.getByRole('heading', { name: startup, level: 1 })).toBeVisible();
  return /#\/startups\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

test('staff and mentors see only the controls their role may use, and core refuses the rest', async ({ page }) => {
  // The manager sets up the centre: a startup with a founder, a mentor, and two colleagues.
  await setUpCentre(page);
  await goTo(page, 'Startups');
  await addStartup(page, startup, 'Healthtech');
  const startupId = await openStartup(page);
  await page.getByRole('tab', { name: 'Founders' }).click();
  await page.getByRole('button', { name: 'Add founder' }).click();
  const founder = page.getByRole('dialog', { name: 'Add a founder' });
  await founder.getByLabel('Name').fill('Sana Saeed');
  await founder.getByLabel('Phone').fill('0300-1234567');
  await founder.getByRole('button', { name: 'Add founder' }).click();
  await expect(founder).toBeHidden();
  await goTo(page, 'Mentors');
  await addMentor(page, 'Imran Qureshi', 'Karachi Angels');
  const mentorId = /#\/mentors\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await addUser(page, staff, 'Staff');
  await addUser(page, mentorUser, 'Mentor');
  await signOut(page, manager.name);

  // Staff: records can be added and changed…
  await signIn(page, staff);
  await goTo(page, 'Startups');
  await expect(page.getByRole('button', { name: 'New startup' })).toBeVisible();
  await openStartup(page);
  await expect(page.getByRole('button', { name: 'Edit' })).toBeVisible();
  await page.getByRole('tab', { name: 'Mentors' }).click();
  await expect(page.getByRole('button', { name: 'Assign mentor' })).toBeVisible();
  // …a quarter's figures saved but not locked…
  await page.getByRole('tab', { name: 'Quarterly check-ins' }).click();
  const checkIn = page.getByRole('form', { name: 'Quarterly check-in' });
  await checkIn.getByLabel('Customers').fill('12');
  await checkIn.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page.getByText(/The check-in for Q\d \d{4} .* was saved\./)).toBeVisible();
  await expect(checkIn.getByRole('button', { name: 'Lock quarter' })).toHaveCount(0);
  // …and a founder's phone stays masked, with no way to reveal it.
  await page.getByRole('tab', { name: 'Founders' }).click();
  const founderRow = page.getByRole('table', { name: 'Founders' }).getByRole('row', { name: /Sana Saeed/ });
  await expect(founderRow).toContainText('*');
  await expect(founderRow.getByRole('button', { name: /Reveal/ })).toHaveCount(0);
  // No users or backups in Settings.
  await goTo(page, 'Settings');
  await expect(page.getByRole('tab', { name: 'Appearance' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Users & roles' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Backups' })).toHaveCount(0);
  await screenshot(page, 'settings-staff');
  // Core agrees: what staff may do succeeds when called directly, the rest is refused.
  const created = await callAsSignedIn(page, 'startups.create', { name: 'Khet Digital', sector: 'agritech' });
  expect(created.ok, JSON.stringify(created)).toBe(true);
  const quarter = await page.evaluate(() => `${new Date().getFullYear()}-Q${Math.floor(new Date().getMonth() / 3) + 1}`);
  for (const [method, input] of [
    ['users.create', { name: 'Zara Khan', email: 'zara@nic-karachi.pk', role: 'viewer', password: 'a long enough password' }],
    ['users.list', { includeInactive: true }],
    ['metrics.lock', { startupId, quarter }],
    ['backup.list', {}],
  ] as const) {
    const refused = await callAsSignedIn(page, method, input);
    expect(refused.ok ? 'allowed' : refused.error.code, `${method} as staff`).toBe('forbidden');
  }
  await signOut(page, staff.name);

  // Mentor: reads the records and logs sessions, nothing else.
  await signIn(page, mentorUser);
  await goTo(page, 'Startups');
  await expect(page.getByRole('row', { name: new RegExp(startup) })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New startup' })).toHaveCount(0);
  await openStartup(page);
  await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Founders' }).click();
  await expect(page.getByRole('table', { name: 'Founders' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add founder' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Edit Sana Saeed|Delete Sana Saeed/ })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Mentors' }).click();
  await expect(page.getByText("Mentors appear here once your centre's staff assign them.")).toBeVisible();
  await expect(page.getByRole('button', { name: 'Assign mentor' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Milestones' }).click();
  await expect(page.getByRole('button', { name: 'Add milestone' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Quarterly check-ins' }).click();
  await expect(page.getByRole('form', { name: 'Quarterly check-in' }).getByRole('button', { name: 'Save check-in' })).toHaveCount(
    0,
  );
  await screenshot(page, 'startups-check-ins-mentor');

  await goTo(page, 'Mentors');
  await expect(page.getByRole('button', { name: 'New mentor' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Imran Qureshi' }).click();
  await expect(page.getByRole('heading', { name: 'Imran Qureshi', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log a session' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Assign to a startup' })).toHaveCount(0);
  await screenshot(page, 'mentor-detail-mentor');

  await goTo(page, 'Sessions');
  await expect(page.getByRole('button', { name: 'Log a session' }).first()).toBeVisible();
  await goTo(page, 'Programmes');
  await expect(page.getByRole('heading', { name: 'Programmes', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New programme' })).toHaveCount(0);
  await goTo(page, 'Settings');
  await expect(page.getByRole('tab', { name: 'Users & roles' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Backups' })).toHaveCount(0);

  for (const [method, input] of [
    ['startups.create', { name: 'Bazaar Wala', sector: 'e-commerce' }],
    ['startups.update', { id: startupId, patch: { city: 'Lahore' } }],
    ['mentors.update', { id: mentorId, patch: { city: 'Lahore' } }],
    ['assignments.create', { mentorId, startupId, fromDate: '2026-01-01' }],
    ['metrics.save', { startupId, quarter, values: { customers: 99 } }],
    ['programmes.create', { kind: 'training', name: 'Cloud Skills' }],
  ] as const) {
    const refused = await callAsSignedIn(page, method, input);
    expect(refused.ok ? 'allowed' : refused.error.code, `${method} as a mentor`).toBe('forbidden');
  }
  // What a mentor may do, core allows: reading the startup.
  const read = await callAsSignedIn(page, 'startups.get', { id: startupId });
  expect(read.ok, JSON.stringify(read)).toBe(true);
});
