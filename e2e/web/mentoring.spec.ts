/**
 * Mentoring, end to end in the browser UI against the real core: a new centre adds a
 * startup and a mentor abroad, assigns the mentor from the mentor's page, logs a 90-minute
 * session with an action item through Ctrl+L, sees it in the list and in the mentor's hours,
 * has a session that ends before it starts refused beside its field (nothing saved), ticks
 * the action item off, and exports the upcoming sessions as an .ics calendar.
 */
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, skipWithoutChromium, test } from '../support/web-fixture.js';
import { addStartup, dismissToasts, goTo, setUpCentre, typeDate } from './centre.js';

skipWithoutChromium();

// The viewer sits in Pakistan; the mentor in London, so both clocks show.
test.use({ timezoneId: 'Asia/Karachi' });

const startup = 'Sehat Kahani Labs';
const mentor = 'Sara Ahmed';
const actionItem = 'Send the revised pitch deck';

/** A time `minutesFromNow` ahead on the browser's clock and in its zone, as staff type it: 31/07/2026 and 14:30. */
function localTime(page: Page, minutesFromNow: number): Promise<{ date: string; time: string }> {
  return page.evaluate((minutes) => {
    const d = new Date(Date.now() + minutes * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return {
      date: `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`,
      time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
    };
  }, minutesFromNow);
}

/** Types a date and a time into a date-and-time field (its date box carries the label). */
async function fillDateTime(scope: Locator, label: string, at: { date: string; time: string }): Promise<void> {
  await scope.getByLabel(label, { exact: true }).fill(at.date);
  await scope.getByLabel(`${label}: time`).fill(at.time);
}

async function chooseInDialog(page: Page, label: string, search: string, option: RegExp): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Log a session' });
  const input = dialog.getByRole('textbox', { name: label });
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option }).click();
}

test('a mentor, an assignment, a logged session, its hours, a refused session and the calendar file', async ({ page }) => {
  await setUpCentre(page);
  await goTo(page, 'Startups');
  await expect(page.getByRole('heading', { name: 'No startups yet' })).toBeVisible();
  await addStartup(page, startup, 'Healthtech');

  // A new mentor: core's rules show beside the field.
  await page.getByRole('link', { name: 'Mentors', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'No mentors yet' })).toBeVisible();
  await page.getByRole('button', { name: 'New mentor' }).first().click();
  const newMentor = page.getByRole('dialog', { name: 'New mentor' });
  await newMentor.getByLabel('Name').fill(mentor);
  await newMentor.getByLabel('Organisation').fill('Wise Ventures');
  const expertise = newMentor.getByLabel('Expertise');
  await expertise.fill('pricing');
  await expertise.press('Enter');
  await expertise.fill('fundraising');
  await expertise.press('Enter');
  await newMentor.getByLabel('City').fill('London');
  await newMentor.getByLabel('Country').fill('United Kingdom');
  await newMentor.getByRole('textbox', { name: 'Time zone' }).click();
  await newMentor.getByRole('textbox', { name: 'Time zone' }).fill('Europe/Lon');
  await page.getByRole('option', { name: 'Europe/London' }).click();
  await newMentor.getByLabel('Email').fill('sara@');
  await newMentor.getByRole('button', { name: 'Add mentor' }).click();
  await expect(newMentor.getByText('Must be an email address like name@example.pk')).toBeVisible();
  await expect(newMentor.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await newMentor.getByLabel('Email').fill('sara@wise.example.com');
  await newMentor.getByRole('button', { name: 'Add mentor' }).click();
  await expect(newMentor).toBeHidden();
  await expect(page.getByRole('heading', { name: mentor, level: 1 })).toBeVisible();
  await expect(page.getByText('Abroad · Europe/London')).toBeVisible();

  // Assign the mentor to the startup from the mentor's page.
  await page.getByRole('button', { name: 'Assign to a startup' }).click();
  const assign = page.getByRole('form', { name: 'Assign to a startup' });
  await assign.getByRole('textbox', { name: 'Startup' }).click();
  await page.getByRole('option', { name: new RegExp(startup) }).click();
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByText(`Assigned to ${startup}.`)).toBeVisible();
  const assignments = page.getByRole('table', { name: 'Startups' });
  await expect(assignments.getByRole('row', { name: new RegExp(startup) })).toContainText('Ongoing');

  // Ctrl+L from anywhere: log a 90-minute session with one action item.
  await page.getByRole('link', { name: 'Sessions', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'No sessions logged yet' })).toBeVisible();
  const start = await localTime(page, 120);
  await page.keyboard.press('Control+L');
  const log = page.getByRole('dialog', { name: 'Log a session' });
  await expect(log).toBeVisible();
  await chooseInDialog(page, 'Mentor', 'Sara', new RegExp(mentor));
  await chooseInDialog(page, 'Startup', 'Sehat', new RegExp(startup));
  await fillDateTime(log, 'Started at', start);
  await expect(log.getByText(/mentor’s time, London/)).toBeVisible();
  await log.getByLabel('Minutes').fill('90');
  await log.getByText('Online', { exact: true }).click();
  const topics = log.getByLabel('Topics');
  await topics.fill('pricing');
  await topics.press('Enter');
  await log.getByRole('button', { name: 'Add action item' }).click();
  await log.getByRole('textbox', { name: 'Action item 1: What needs doing' }).fill(actionItem);
  await log.getByRole('textbox', { name: 'Action item 1: Owner' }).fill('Ali');
  await typeDate(log.getByLabel('Action item 1: Due'), start.date);
  await dismissToasts(page);
  await screenshot(page, 'log-session');
  await log.getByRole('button', { name: 'Log session' }).click();
  await expect(log).toBeHidden();
  await expect(page.getByText('Session of 90 minutes logged with 1 action item.')).toBeVisible();

  // It is in the list, with its open action item.
  const sessions = page.getByRole('table', { name: 'Mentoring sessions' });
  const row = sessions.getByRole('row', { name: new RegExp(mentor) });
  await expect(row).toContainText(startup);
  await expect(row).toContainText('90');
  await expect(row).toContainText('Online');
  await expect(row).toContainText('Upcoming');
  await expect(row.getByLabel('1 open action item')).toBeVisible();
  await expect(page.getByText(/1–1 of 1/)).toBeVisible();
  await dismissToasts(page);
  await screenshot(page, 'sessions-list');

  // The mentor's hours this quarter: 90 minutes = 1.5 hours, in the directory and on the page.
  await page.getByRole('link', { name: 'Mentors', exact: true }).click();
  const mentorRow = page.getByRole('table', { name: 'Mentors' }).getByRole('row', { name: new RegExp(mentor) });
  await expect(mentorRow).toContainText('1.5');
  await expect(mentorRow).toContainText('in Pakistan');
  await dismissToasts(page);
  await screenshot(page, 'mentors-list');
  await mentorRow.getByRole('link', { name: mentor }).click();
  await expect(page.getByTestId('mentor-hours-value')).toHaveText('1.5');
  await expect(page.getByRole('table', { name: 'Sessions', exact: true }).getByRole('row')).toHaveCount(2);
  await dismissToasts(page);
  await screenshot(page, 'mentor-detail');

  // A session that ends before it starts is refused beside the end time; nothing is saved.
  // The mentor comes filled in from the mentor's page.
  await page.getByRole('button', { name: 'Log a session' }).click();
  await expect(log).toBeVisible();
  await expect(log.getByRole('textbox', { name: 'Mentor' })).toHaveValue(mentor);
  await chooseInDialog(page, 'Startup', 'Sehat', new RegExp(startup));
  await fillDateTime(log, 'Started at', await localTime(page, -60));
  await log.getByRole('button', { name: 'Give the end time instead' }).click();
  await fillDateTime(log, 'Ended at', await localTime(page, -120));
  await log.getByRole('button', { name: 'Log session' }).click();
  await expect(log.getByText('A session cannot end before it starts')).toBeVisible();
  await expect(log.getByLabel('Ended at', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await dismissToasts(page);
  await screenshot(page, 'log-session-end-error');

  // An action item row without its text: the message sits on that row's field.
  await fillDateTime(log, 'Ended at', await localTime(page, -15));
  await log.getByRole('button', { name: 'Add action item' }).click();
  await log.getByRole('textbox', { name: 'Action item 1: Owner' }).fill('Bilal');
  await log.getByRole('button', { name: 'Log session' }).click();
  const itemText = log.getByRole('textbox', { name: 'Action item 1: What needs doing' });
  await expect(itemText).toHaveAttribute('aria-invalid', 'true');
  await expect(log.getByText('Required')).toBeVisible();
  await log.getByRole('button', { name: 'Cancel' }).click();
  await expect(log).toBeHidden();
  await page.getByRole('link', { name: 'Sessions', exact: true }).click();
  await expect(page.getByText(/1–1 of 1/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/1–1 of 1/)).toBeVisible();

  // The action items tab: tick the open item off.
  await page.getByRole('tab', { name: 'Action items' }).click();
  const items = page.getByRole('table', { name: 'Action items' });
  await expect(items.getByRole('row', { name: new RegExp(actionItem) })).toContainText('Ali');
  await dismissToasts(page);
  await screenshot(page, 'action-items');
  await items.getByRole('checkbox', { name: `Mark “${actionItem}” done` }).check();
  await expect(page.getByText(`“${actionItem}” is done.`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No open action items' })).toBeVisible();

  // The upcoming sessions as an iCalendar file.
  await page.getByRole('tab', { name: 'Sessions' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export upcoming (.ics)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('mentoring-sessions.ics');
  const ics = fs.readFileSync((await download.path())!, 'utf8');
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics.match(/BEGIN:VEVENT\r\n/g)).toHaveLength(1);
  const unfolded = ics.replace(/\r\n /g, '');
  expect(unfolded).toContain(`\r\nSUMMARY:Mentoring: ${startup} with ${mentor}\r\n`);
  expect(unfolded).toMatch(/\r\nDTSTART:\d{8}T\d{6}Z\r\n/);
  expect(unfolded).toMatch(/\r\nUID:[0-9a-f-]+\r\n/);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);

  // The same list in the dark scheme.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await dismissToasts(page);
  await screenshot(page, 'sessions-list-dark');
});
