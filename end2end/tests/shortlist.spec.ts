import { expect, test, type Page, type TestInfo } from '@playwright/test';
import fs from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { open, settled, withJs } from './helpers';

// A social worker builds a list of three options with a family, sends it to a carer who
// opens it in another browser, compares the options and prints a sheet. No account, and
// (in the `no-js` project) no JavaScript: every change is a plain form.

const CLUB = 'Sandbach Stars Social Club';
const AUTISM_CLUB = 'Macclesfield Autism Social Club';
const MEMORY_CLUB = 'Crewe Saturday Memory Club';
const NAMES = [CLUB, AUTISM_CLUB, MEMORY_CLUB];

/** Presses a listing's "Add to my list" button and waits for the page to come back. */
async function addToList(page: Page, testInfo: TestInfo, name: string) {
  await page.getByRole('button', { name: `Add to my list: ${name}` }).click();
  await expect(page.getByRole('button', { name: `Remove from my list: ${name}` })).toBeVisible();
  await settled(page, testInfo);
}

/** The text of a PDF. */
async function pdfText(path: string): Promise<string> {
  const parser = new PDFParse({ data: fs.readFileSync(path) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

test('a social worker builds a list of three, shares it, compares them and prints a sheet', async ({ page, browser }, testInfo) => {
  // From search results: two clubs.
  await open(page, testInfo, '/search?q=club');
  await expect(page.getByRole('link', { name: 'My list (0)' })).toBeVisible();
  await addToList(page, testInfo, CLUB);
  await expect(page).toHaveURL(/\/search\?q=club/);
  await expect(page.getByRole('link', { name: 'My list (1)' })).toBeVisible();
  await addToList(page, testInfo, AUTISM_CLUB);

  // From a listing's own page: the third.
  await open(page, testInfo, '/search?q=memory+club&near=Crewe');
  await page.getByRole('link', { name: MEMORY_CLUB }).click();
  await settled(page, testInfo);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MEMORY_CLUB);
  await addToList(page, testInfo, MEMORY_CLUB);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MEMORY_CLUB);

  // The list.
  await page.getByRole('link', { name: 'My list (3)' }).click();
  await settled(page, testInfo);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My list');
  for (const name of NAMES) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  const share = await page.locator('.share-link a').getAttribute('href');
  expect(share).toMatch(/\/my-list\/shared\?ids=[a-z0-9-]+,[a-z0-9-]+,[a-z0-9-]+$/);

  // The carer opens the share link in a browser that has never seen the site.
  const carer = await browser.newContext({ javaScriptEnabled: withJs(testInfo) });
  try {
    const theirs = await carer.newPage();
    await open(theirs, testInfo, share!);
    await expect(theirs.getByRole('heading', { level: 1 })).toHaveText('A shared list of day opportunities');
    for (const name of NAMES) {
      await expect(theirs.getByRole('heading', { level: 2, name })).toBeVisible();
    }
    await expect(theirs.getByRole('link', { name: 'My list (0)' })).toBeVisible();
    await theirs.getByRole('button', { name: 'Save these to my list' }).click();
    await settled(theirs, testInfo);
    await expect(theirs).toHaveURL(/\/my-list\?done=saved$/);
    await expect(theirs.getByText('The shared listings have been saved to your list.')).toBeVisible();
    await expect(theirs.getByRole('link', { name: 'My list (3)' })).toBeVisible();
    for (const name of NAMES) {
      await expect(theirs.getByRole('heading', { level: 2, name })).toBeVisible();
    }
  } finally {
    await carer.close();
  }

  // Compare the three, with distances from Crewe.
  await page.getByRole('link', { name: 'Compare these 3 side by side' }).click();
  await settled(page, testInfo);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare day opportunities');
  const table = page.getByRole('table', { name: 'Comparing 3 day opportunities' });
  for (const name of NAMES) {
    await expect(table.getByRole('columnheader', { name })).toBeVisible();
  }
  await expect(table.getByRole('rowheader', { name: 'Days and times' })).toBeVisible();
  await page.getByLabel('Distance from a town or postcode').fill('Crewe');
  await page.getByRole('button', { name: 'Show distances' }).click();
  await settled(page, testInfo);
  await expect(page.getByRole('rowheader', { name: 'Distance from Crewe' })).toBeVisible();

  // At 320px the table scrolls in its own labelled region; the page does not.
  await page.setViewportSize({ width: 320, height: 800 });
  await expect(page.getByRole('region', { name: 'Comparing 3 day opportunities' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 720 });

  // Print the sheet to PDF.
  await page.getByRole('link', { name: 'Back to my list' }).click();
  await settled(page, testInfo);
  await page.getByRole('link', { name: 'A sheet to print, with space for notes' }).click();
  await settled(page, testInfo);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Day opportunities to look into');
  await expect(page.getByText('use your browser’s Print command')).toBeVisible();
  // The print button needs JavaScript (a small script, not the app), so shows only with it.
  await expect(page.getByRole('button', { name: 'Print this page' })).toBeVisible({ visible: withJs(testInfo) });
  await expect(page.getByRole('heading', { level: 3, name: 'Notes' })).toHaveCount(3);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByText('use your browser’s Print command')).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('print-sheet.png'), fullPage: true });
  const pdf = testInfo.outputPath('my-list.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  expect(fs.statSync(pdf).size).toBeGreaterThan(1000);
  const text = await pdfText(pdf);
  for (const name of NAMES) {
    expect(text).toContain(name);
  }
  expect(text).toContain('How to get a place');
  expect(text).not.toContain('Skip to main content');

  // And the easy read sheet, with pictures.
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('link', { name: 'Easy read version of this sheet, with pictures' }).click();
  await settled(page, testInfo);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My list of places to try');
  for (const name of NAMES) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  await page.emulateMedia({ media: 'print' });
  const easy = testInfo.outputPath('my-list-easy.pdf');
  await page.pdf({ path: easy, format: 'A4', printBackground: true });
  const easyText = await pdfText(easy);
  for (const name of NAMES) {
    expect(easyText).toContain(name);
  }
});

test('a family removes one listing and then clears the list, after being asked', async ({ page }, testInfo) => {
  await open(page, testInfo, '/search?q=club');
  await addToList(page, testInfo, CLUB);
  await addToList(page, testInfo, AUTISM_CLUB);
  await open(page, testInfo, '/my-list');

  await page.getByRole('button', { name: `Remove from my list: ${CLUB}` }).click();
  await settled(page, testInfo);
  await expect(page.getByText(`${CLUB} has been removed from your list.`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'My list (1)' })).toBeVisible();

  await page.getByRole('link', { name: 'Clear my list' }).click();
  await settled(page, testInfo);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Are you sure you want to clear your list?');
  await page.getByRole('button', { name: 'Yes, clear my list' }).click();
  await settled(page, testInfo);
  await expect(page.getByText('Your list has been cleared.')).toBeVisible();
  await expect(page.getByText('Your list is empty.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'My list (0)' })).toBeVisible();
});

test('comparing more than four asks to choose four', async ({ page }, testInfo) => {
  await open(page, testInfo, '/search?q=club');
  const ids = await page
    .locator('.result__link')
    .evaluateAll((links) => links.slice(0, 5).map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/').pop()));
  const response = await open(page, testInfo, `/compare?ids=${ids.join(',')}`);
  expect(response?.status()).toBe(400);
  await expect(page.getByText('You can compare up to 4 at a time. You chose 5.')).toBeVisible();
  const boxes = page.getByRole('group', { name: 'Choose up to 4 to compare' }).getByRole('checkbox');
  await expect(boxes).toHaveCount(5);
  for (let i = 0; i < 3; i++) {
    await boxes.nth(i).check();
  }
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await settled(page, testInfo);
  await expect(page.getByRole('table', { name: 'Comparing 3 day opportunities' })).toBeVisible();
});
