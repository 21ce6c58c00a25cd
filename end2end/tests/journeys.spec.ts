import { expect, test } from '@playwright/test';
import { filterGroup, firstResultHref, open, resultCount, settled } from './helpers';

// Every journey runs twice: in the `js` project (hydrated) and the `no-js` project.

test('a resident searches by what and where, opens a listing and goes back to the results', async ({ page }, testInfo) => {
  await open(page, testInfo, '/');
  await page.getByLabel('What are you looking for?').fill('dementia');
  await page.getByLabel('Where?').fill('Crewe');
  await page.getByRole('button', { name: 'Search', exact: true }).click();

  await expect(page).toHaveURL(/\/search\?q=dementia&near=Crewe/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Day opportunities near Crewe');
  expect(await resultCount(page)).toBeGreaterThan(0);

  const first = page.locator('.result__link').first();
  const name = (await first.textContent())!.trim();
  await first.click();
  await settled(page, testInfo);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('heading', { name: 'How to get a place' })).toBeVisible();
  await expect(page.getByText(/^Last checked: \d{1,2} \w+ \d{4}$/)).toBeVisible();

  await page.getByRole('link', { name: 'Back to results' }).click();
  await expect(page).toHaveURL(/\/search\?q=dementia&near=Crewe/);
  await expect(page.getByLabel('What are you looking for?')).toHaveValue('dementia');
});

test('filters narrow the results, show as removable, and come off one at a time', async ({ page }, testInfo) => {
  await open(page, testInfo, '/search?q=group');
  const before = await resultCount(page);

  await (await filterGroup(page, 'Days')).getByLabel(/^Saturday/).check();
  await (await filterGroup(page, 'Who it is for')).getByLabel(/^Older people/).check();
  await page.getByRole('button', { name: 'Apply filters' }).first().click();

  await expect(page).toHaveURL(/day=saturday/);
  await expect(page).toHaveURL(/need=older-people/);
  const remove = page.getByRole('link', { name: /Remove filter: .*Saturday/ });
  await expect(remove).toBeVisible();
  expect(await resultCount(page)).toBeLessThanOrEqual(before);

  await remove.click();
  await expect(page).not.toHaveURL(/day=saturday/);
  await expect(page).toHaveURL(/need=older-people/);
  await expect(page.getByRole('link', { name: /Remove filter: .*Older people/ })).toBeVisible();
});

test('results can be ordered and paged through, keeping the search', async ({ page }, testInfo) => {
  await open(page, testInfo, '/search?near=Crewe&within=25');
  await page.getByLabel('Order by').selectOption('name');
  await page.getByRole('button', { name: 'Sort' }).click();
  await expect(page).toHaveURL(/order=name/);

  await page.getByRole('navigation', { name: 'Results pages' }).getByRole('link', { name: /Next/ }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page).toHaveURL(/order=name/);
  await expect(page).toHaveTitle(/page 2 of \d+/);
  await expect(page.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
});

test('an unknown place gets a clear message and places to choose instead', async ({ page }, testInfo) => {
  await open(page, testInfo, '/search?q=club&near=Crwe');
  await expect(page.locator('.place-notice')).toContainText('Crwe');
  await page.locator('.place-notice').getByRole('link', { name: 'Crewe' }).click();
  await expect(page).toHaveURL(/near=Crewe/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Day opportunities near Crewe');
});

test('a search that finds nothing says what to relax', async ({ page }, testInfo) => {
  await open(page, testInfo, '/search?q=zzzzqqqq&near=Crewe&within=1');
  await expect(page.getByRole('heading', { name: 'No day opportunities match your search' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Search a wider area/ })).toBeVisible();
});

test('nonsense in the address is skipped with a note, never an error', async ({ page }, testInfo) => {
  const response = await open(page, testInfo, '/search?need=%3Cscript%3E&page=-1&within=NaN&age=old&q=%22AND(');
  expect(response?.status()).toBe(200);
  await expect(page.getByText('We could not use part of your search:')).toBeVisible();
});

test('an unknown address is a real 404 in plain words', async ({ page }, testInfo) => {
  const response = await open(page, testInfo, '/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');

  const listing = await page.goto('/services/no-such-service');
  expect(listing?.status()).toBe(404);
  await expect(page).toHaveTitle('Page not found – Dayfinder');
});

test('a listing shows its timetable as a table and carries schema.org data', async ({ page }, testInfo) => {
  await open(page, testInfo, '/search?day=saturday');
  await page.goto(await firstResultHref(page));
  await settled(page, testInfo);
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'Day' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Saturday' }).first()).toBeVisible();
  const jsonLd = await page.locator('script[type="application/ld+json"]').textContent();
  expect(JSON.parse(jsonLd!)['@type']).toBe('Service');
});

test('the home page offers ways to browse by need, kind and town', async ({ page }, testInfo) => {
  await open(page, testInfo, '/');
  await expect(page.getByRole('heading', { name: 'Browse by town' })).toBeVisible();
  await page.getByRole('region', { name: 'Browse by town' }).getByRole('link', { name: /^Congleton/ }).click();
  await expect(page).toHaveURL(/town=Congleton/);
  await expect(page.getByRole('link', { name: /Remove filter: .*Congleton/ })).toBeVisible();
});
