/**
 * Mentor assignments through their dialogs, from both ends: a mentor assigned from a
 * startup's Mentors tab and the assignment ended there (an end before the start refused
 * beside the field, nothing saved), and another assigned and ended from the mentor's page;
 * each side shows what the other did. Dates are typed as staff write them (dd/mm/yyyy).
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, skipWithoutChromium, test } from '../support/web-fixture.js';
import { addMentor, addStartup, dismissToasts, goTo, setUpCentre, typeDate } from './centre.js';

skipWithoutChromium();

async function openStartupTab(page: Page, startup: string, tab: string): Promise<void> {
  await goTo(page, 'Startups');
  await page.getByRole('link', { name: startup }).click();
  await expect(page.getByRole('heading', { name: startup, level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: tab }).click();
}

async function openMentor(page: Page, mentor: string): Promise<void> {
  await goTo(page, 'Mentors');
  await page.getByRole('table', { name: 'Mentors' }).getByRole('link', { name: mentor }).click();
  await expect(page.getByRole('heading', { name: mentor, level: 1 })).toBeVisible();
}

test('a mentor assigned and the assignment ended, from the startup and from the mentor', async ({ page }) => {
  await setUpCentre(page);
  await goTo(page, 'Startups');
  await addStartup(page, 'Sehat Kahani Labs', 'Healthtech');
  await addStartup(page, 'Khet Digital', 'Agritech');
  await goTo(page, 'Mentors');
  await addMentor(page, 'Sara Ahmed', 'Wise Ventures');
  await goTo(page, 'Mentors');
  await addMentor(page, 'Imran Qureshi', 'Karachi Angels');

  // From the startup's Mentors tab: assign Sara from 1 September 2020.
  await openStartupTab(page, 'Sehat Kahani Labs', 'Mentors');
  await expect(page.getByRole('heading', { name: 'No mentor assigned' })).toBeVisible();
  await page.getByRole('button', { name: 'Assign mentor' }).click();
  const assign = page.getByRole('dialog', { name: 'Assign a mentor' });
  await assign.getByRole('textbox', { name: 'Mentor' }).fill('Sara');
  await page.getByRole('option', { name: /Sara Ahmed/ }).click();
  await typeDate(assign.getByLabel('From'), '01/09/2020');
  await assign.getByRole('button', { name: 'Assign mentor' }).click();
  await expect(assign).toBeHidden();
  await expect(page.getByText('Sara Ahmed is now mentoring this startup.')).toBeVisible();
  const current = page.getByRole('table', { name: 'Current mentors' });
  const saraRow = current.getByRole('row', { name: /Sara Ahmed/ });
  await expect(saraRow).toContainText('1 Sept 2020');
  await expect(saraRow).toContainText('Ongoing');
  await dismissToasts(page);
  await screenshot(page, 'startups-mentors-assigned');

  // End it: a last day before the start is refused beside the field, and nothing changes.
  await saraRow.getByRole('button', { name: 'End assignment' }).click();
  const end = page.getByRole('dialog', { name: 'End this assignment' });
  await expect(end).toContainText('Sara Ahmed');
  await typeDate(end.getByLabel('Last day'), '31/08/2020');
  await end.getByRole('button', { name: 'End assignment' }).click();
  await expect(end.getByText('An assignment cannot end (31 Aug 2020) before it starts (1 Sept 2020)')).toBeVisible();
  await expect(end.getByLabel('Last day')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, 'assignment-end-refused');
  await end.getByRole('button', { name: 'Cancel' }).click();
  await expect(end).toBeHidden();
  await expect(saraRow).toContainText('Ongoing');

  // …then with a last day after the start: it moves to the past mentors.
  await saraRow.getByRole('button', { name: 'End assignment' }).click();
  await typeDate(end.getByLabel('Last day'), '31/12/2020');
  await end.getByRole('button', { name: 'End assignment' }).click();
  await expect(end).toBeHidden();
  await expect(page.getByText('The assignment was ended.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No mentor assigned' })).toBeVisible();
  const pastRow = page.getByRole('table', { name: 'Past mentors' }).getByRole('row', { name: /Sara Ahmed/ });
  await expect(pastRow).toContainText('1 Sept 2020');
  await expect(pastRow).toContainText('31 Dec 2020');
  await expect(pastRow.getByRole('button', { name: 'End assignment' })).toHaveCount(0);

  // Sara's page shows the same assignment, ended.
  await openMentor(page, 'Sara Ahmed');
  const saraStartups = page.getByRole('table', { name: 'Startups' });
  await expect(saraStartups.getByRole('row', { name: /Sehat Kahani Labs/ })).toContainText('31 Dec 2020');

  // From the mentor's page: assign Imran to Khet Digital, then end it there.
  await openMentor(page, 'Imran Qureshi');
  await expect(page.getByRole('heading', { name: 'Not assigned to any startup' })).toBeVisible();
  await page.getByRole('button', { name: 'Assign to a startup' }).click();
  const assignStartup = page.getByRole('dialog', { name: 'Assign Imran Qureshi to a startup' });
  await assignStartup.getByRole('textbox', { name: 'Startup' }).fill('Khet');
  await page.getByRole('option', { name: /Khet Digital/ }).click();
  await typeDate(assignStartup.getByLabel('From'), '01/02/2021');
  await assignStartup.getByRole('button', { name: 'Assign' }).click();
  await expect(assignStartup).toBeHidden();
  await expect(page.getByText('Assigned to Khet Digital.')).toBeVisible();
  const imranStartups = page.getByRole('table', { name: 'Startups' });
  const khetRow = imranStartups.getByRole('row', { name: /Khet Digital/ });
  await expect(khetRow).toContainText('1 Feb 2021');
  await expect(khetRow).toContainText('Ongoing');
  await dismissToasts(page);
  await screenshot(page, 'mentor-assignments');

  await khetRow.getByRole('button', { name: 'End assignment' }).click();
  await expect(end).toContainText('Khet Digital');
  await typeDate(end.getByLabel('Last day'), '28/02/2021');
  await end.getByRole('button', { name: 'End assignment' }).click();
  await expect(end).toBeHidden();
  await expect(page.getByText('The assignment was ended.')).toBeVisible();
  await expect(khetRow).toContainText('28 Feb 2021');
  await expect(khetRow.getByRole('button', { name: 'End assignment' })).toHaveCount(0);

  // Khet Digital's Mentors tab shows Imran among its past mentors.
  await openStartupTab(page, 'Khet Digital', 'Mentors');
  const khetPast = page.getByRole('table', { name: 'Past mentors' }).getByRole('row', { name: /Imran Qureshi/ });
  await expect(khetPast).toContainText('1 Feb 2021');
  await expect(khetPast).toContainText('28 Feb 2021');

  // The same tab in the dark scheme.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await dismissToasts(page);
  await screenshot(page, 'startups-mentors-past-dark');
});
