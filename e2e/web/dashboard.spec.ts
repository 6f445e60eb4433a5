/**
 * The dashboard, Settings and the shortcuts overlay in the browser UI against the real
 * core: a new centre's dashboard says what to do first; an incubated startup shows up in
 * the figures; a viewer added in Settings sees no create buttons and no Users tab; the
 * dark theme really is dark.
 */
import { expect, screenshot, skipWithoutChromium, test } from '../support/web-fixture.js';
import { goTo, manager, seedDemoData, setUpCentre, signIn, signOut, type Person } from './centre.js';

skipWithoutChromium();

const viewer: Person = { name: 'Bilal Ahmed', email: 'bilal@nic-karachi.pk', password: 'chai at the dhaba daily' };

test('dashboard, settings, help overlay, a viewer’s view and the dark theme', async ({ page, webApp }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await setUpCentre(page);

  // A new centre lands on the dashboard, which says what to do first.
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nothing to show yet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add your first startup' })).toBeVisible();

  // Add a startup that is incubated from the start; the dashboard counts it.
  await page.getByRole('link', { name: 'Add your first startup' }).click();
  await expect(page.getByRole('heading', { name: 'Startups', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'New startup' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New startup' });
  await dialog.getByLabel('Name').fill('Sehat Kahani Labs');
  await dialog.getByLabel('Sector').click();
  await page.getByRole('option', { name: 'Healthtech' }).click();
  await dialog.getByLabel('Stage').click();
  await page.getByRole('option', { name: 'Incubated' }).click();
  await dialog.getByLabel('Women-led').check();
  await dialog.getByRole('button', { name: 'Add startup' }).click();
  await expect(dialog).toBeHidden();
  await goTo(page, 'Dashboard');
  await expect(page.getByTestId('stat-activeStartups-value')).toHaveText('1');
  await expect(page.getByTestId('stat-inducted-value')).toHaveText('1');
  await expect(page.getByTestId('stat-womenLedShare-value')).toHaveText('100%');
  await expect(page.getByRole('img', { name: /startups by stage.*Incubated: 1/i })).toBeVisible();

  // With a centre's worth of demo data, the charts and lists fill in.
  await seedDemoData(webApp.dataDir);
  await page.reload();
  await expect(page.getByRole('img', { name: /mentoring sessions per week/i })).toBeVisible();
  await expect(page.getByRole('img', { name: /funnel of trainees/i })).toBeVisible();
  await expect(page.getByTestId('stat-activeStartups-value')).not.toHaveText('1');
  await screenshot(page, 'dashboard');

  // The quarter picker asks core for another quarter.
  await page.getByTestId('quarter-picker').click();
  await page.getByRole('option').nth(1).click();
  await expect(page).toHaveURL(/quarter=\d{4}-Q[1-4]/);
  await expect(page.getByTestId('stat-activeStartups')).toBeVisible();

  // Help overlay: "?" opens it (not while typing); Ctrl+K opens the search.
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.press('Shift+?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /Search startups, mentors and trainees/ })).toBeVisible();
  await page.waitForTimeout(400); // The modal's opening transition.
  await screenshot(page, 'help-overlay');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.keyboard.press('Control+K');
  const search = page.getByRole('textbox', { name: 'Search startups, mentors and trainees' });
  await expect(search).toBeVisible();
  await search.pressSequentially('?');
  await expect(help).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();
  // …and from the user menu.
  await page.getByRole('button', { name: `Account menu for ${manager.name}` }).click();
  await page.getByRole('menuitem', { name: 'Keyboard shortcuts' }).click();
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');

  // Settings → Users: a bad password is refused beside its field; then the viewer is added.
  await goTo(page, 'Settings');
  await expect(page.getByRole('tab', { name: 'Users & roles' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Add user' }).click();
  const addUser = page.getByRole('dialog', { name: 'Add a user' });
  await addUser.getByLabel('Name').fill(viewer.name);
  await addUser.getByLabel('Email').fill(viewer.email);
  await addUser.getByLabel('Role').click();
  await page.getByRole('option', { name: 'Viewer' }).click();
  await addUser.getByLabel('Password').fill('short');
  await addUser.getByRole('button', { name: 'Add user' }).click();
  await expect(addUser.getByText('Use at least 12 characters')).toBeVisible();
  await expect(addUser.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await addUser.getByLabel('Password').fill(viewer.password);
  await addUser.getByRole('button', { name: 'Add user' }).click();
  await expect(addUser).toBeHidden();
  const viewerRow = page.getByRole('row', { name: new RegExp(viewer.name) });
  await expect(viewerRow).toContainText(viewer.email);
  await expect(viewerRow.getByRole('textbox', { name: `Role of ${viewer.name}` })).toHaveValue('Viewer');
  await screenshot(page, 'settings-users');

  // Data and Backups: a backup runs as a job and appears in the list.
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByTestId('info-schemaVersion')).toContainText(/\d/);
  await expect(page.getByTestId('info-dataDir')).toContainText(webApp.dataDir);
  await expect(page.getByTestId('info-lastBackupAt')).toContainText('Never');
  await expect(page.getByTestId('info-integrity')).toContainText(/OK.*checked/);
  await page.getByRole('tab', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { name: 'No backups yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText(/Backup written: incubator-.*\.sqlite/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Backups' }).getByRole('row')).toHaveCount(2);
  await screenshot(page, 'settings-backups');
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByTestId('info-lastBackupAt')).not.toContainText('Never');

  // Dark theme: the whole page turns dark.
  await page.getByRole('tab', { name: 'Appearance' }).click();
  await page.getByText('Dark', { exact: true }).click();
  await goTo(page, 'Dashboard');
  await expect(page.getByRole('img', { name: /funnel of trainees/i })).toBeVisible();
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
  expect(0.2126 * r! + 0.7152 * g! + 0.0722 * b!, `body background ${background}`).toBeLessThan(60);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0); // The toasts have gone.
  await screenshot(page, 'dashboard-dark');
  await goTo(page, 'Settings');
  await page.getByRole('tab', { name: 'Appearance' }).click();
  await page.getByText('Light', { exact: true }).click();

  // The viewer: no create buttons on Startups, and no Users tab in Settings.
  await signOut(page, manager.name);
  await signIn(page, viewer);
  await goTo(page, 'Startups');
  await expect(page.getByRole('heading', { name: 'Startups', exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: /Sehat Kahani Labs/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New startup' })).toHaveCount(0);
  await goTo(page, 'Settings');
  await expect(page.getByRole('tab', { name: 'Appearance' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Users & roles' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Backups' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add user' })).toHaveCount(0);
  await goTo(page, 'Dashboard');
  await expect(page.getByTestId('stat-activeStartups')).toBeVisible();
});
