/**
 * The startups list's column choice (remembered), the women-led filter, and "Export CSV"
 * (core's export.list) of exactly the rows in view as the table shows them, properly escaped;
 * with no rows to export the export buttons say why they are disabled.
 */
import fs from 'node:fs';
import { expect, skipWithoutChromium, test } from '../support/web-fixture.js';
import { addStartup, goTo, setUpCentre } from './centre.js';

skipWithoutChromium();

test('columns are remembered, filters narrow the list, and the CSV holds the view', async ({ page }) => {
  await setUpCentre(page, 'NIC Lahore', {
    name: 'Bilal Ahmed',
    email: 'bilal@nic-lahore.pk',
    password: 'mangoes in the monsoon',
  });
  await goTo(page, 'Startups');
  await expect(page.getByRole('heading', { name: 'No startups yet' })).toBeVisible();
  const exportCsv = page.getByRole('button', { name: 'Export CSV' });
  await expect(exportCsv).toBeDisabled();
  await exportCsv.hover();
  await expect(page.getByRole('tooltip')).toHaveText('The list is empty: there is nothing to export');

  await addStartup(page, 'Chai, "Cloud" Labs', 'Fintech', { womenLed: true });
  await addStartup(page, 'Bazaar Wala', 'E-commerce');
  const table = page.getByRole('table', { name: 'Startups' });
  await expect(table.getByRole('link')).toHaveCount(2);
  await expect(exportCsv).toBeEnabled();

  // Column choice survives a reload.
  await expect(table.getByRole('columnheader', { name: /Added/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Added' }).click();
  await page.getByRole('checkbox', { name: 'City' }).click();
  await page.keyboard.press('Escape');
  await expect(table.getByRole('columnheader', { name: /Added/ })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'City' })).toHaveCount(0);
  await page.reload();
  await expect(table.getByRole('columnheader', { name: /Added/ })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'City' })).toHaveCount(0);

  // Women-led filter.
  await page.getByRole('textbox', { name: 'Women-led' }).click();
  await page.getByRole('option', { name: 'Women-led only' }).click();
  await expect(table.getByRole('link')).toHaveText(['Chai, "Cloud" Labs']);

  // Export: the filtered rows only, in the visible columns, quoted where needed.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^startups-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split('\r\n').filter((line) => line !== '');
  expect(lines[0]).toBe('Name,Sector,Stage,Women-led,Added,Last changed');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(
    /^"Chai, ""Cloud"" Labs",Fintech,Applied,Yes,\d{4}-\d{2}-\d{2} \d{2}:\d{2},\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
  );
  await expect(page.getByText(/^1 row exported to startups-\d{4}-\d{2}-\d{2}\.csv$/)).toBeVisible();
});
