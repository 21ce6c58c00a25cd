import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { open } from './helpers';

// Open days and events, and preparing for adulthood, with JavaScript on and off (the two
// projects run every test here).

test('a family finds autism events in Crewe, opens one and adds it to their calendar', async ({ page }, testInfo) => {
  await open(page, testInfo, '/events');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open days and events');

  await page.getByLabel('Town').selectOption('Crewe');
  await page.getByLabel('Who it is for').selectOption('autism');
  await page.getByRole('button', { name: 'Show events' }).click();
  await expect(page).toHaveURL(/[?&]town=Crewe/);
  await expect(page).toHaveURL(/[?&]need=autism/);

  const list = page.getByRole('main');
  await expect(list.getByRole('link', { name: 'Earle Street autism day service: quiet open session', exact: true })).toBeVisible();
  await expect(list.getByRole('link', { name: 'Silkmill Day Centre open day', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Remove filter: In Crewe/ })).toBeVisible();

  await list.getByRole('link', { name: 'Planning for Adulthood evening, Crewe', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Planning for Adulthood evening, Crewe');
  await expect(page.getByText('Earle Street Enterprise Hub, Earle Street, Crewe CW1 2LF')).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Add to your calendar' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('crewe-planning-for-adulthood-evening.ics');
  const ics = fs.readFileSync((await download.path())!, 'utf8');
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics).toContain('VERSION:2.0\r\n');
  expect(ics).toContain('BEGIN:VEVENT\r\n');
  expect(ics).toContain('UID:crewe-planning-for-adulthood-evening@dayfinder\r\n');
  expect(ics).toContain('SUMMARY:Planning for Adulthood evening\\, Crewe\r\n');
  expect(ics).toMatch(/\r\nDTSTART:\d{8}T\d{6}Z\r\n/);
  expect(ics).toMatch(/\r\nDTEND:\d{8}T\d{6}Z\r\n/);
  expect(ics).toMatch(/\r\nLOCATION:Earle Street Enterprise Hub/);
  expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
});

test('events can be narrowed to a range of dates, and a date that cannot be read is explained', async ({ page }, testInfo) => {
  await open(page, testInfo, '/events');
  const everything = await page.locator('.event').count();
  expect(everything).toBeGreaterThan(20);

  await open(page, testInfo, '/events?from=2001-01-01&to=2001-01-31');
  await expect(page.getByRole('heading', { name: 'No events match your filters' })).toBeVisible();

  await open(page, testInfo, '/events?from=32%2F13%2F2026');
  await expect(page.getByText('We could not use part of your filter')).toBeVisible();
  await expect(page.getByText(/is not a date we can read/)).toBeVisible();
  expect(await page.locator('.event').count()).toBe(everything);
});

test('a listing shows its open days', async ({ page }, testInfo) => {
  await open(page, testInfo, '/services/brookhouse-day-centre');
  await expect(page.getByRole('heading', { name: 'Open days and events' })).toBeVisible();
  await page.getByRole('link', { name: 'Brookhouse Resource Centre open day', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Brookhouse Resource Centre open day');
});

test('the preparing for adulthood page lists options for young adults and leads to them in search', async ({ page }, testInfo) => {
  await open(page, testInfo, '/preparing-for-adulthood');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Preparing for adulthood');
  await expect(page.getByText(/EHC plan can carry on up to 25/)).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: 'Planning for Adulthood evening, Crewe', exact: true }).first()).toBeVisible();
  await expect(main.getByRole('link', { name: /Young Adults' Programme/ }).first()).toBeVisible();

  await main.getByRole('link', { name: /^See all \d+ day opportunities for young adults$/ }).click();
  await expect(page).toHaveURL(/\/search\?age=16-25/);
  const chip = page.getByRole('link', { name: /Remove filter: Age, Young adults \(16 to 25\)/ });
  await expect(chip).toBeVisible();
  await expect(page.locator('.result__link', { hasText: 'Crewe Saturday Memory Club' })).toHaveCount(0);

  await chip.click();
  await expect(page.getByRole('link', { name: /Remove filter: Age/ })).toHaveCount(0);
});
