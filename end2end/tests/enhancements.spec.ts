import { expect, test } from '@playwright/test';
import { filterGroup, open, resultCount, withJs } from './helpers';

// What hydration adds. Without JavaScript the same journeys work through the forms' buttons
// (see journeys.spec.ts); these run only in the `js` project.
test.beforeEach(async ({}, testInfo) => {
  test.skip(!withJs(testInfo), 'needs JavaScript');
});

test('ticking a filter updates the results in place, keeps focus there and announces the count', async ({ page }, testInfo) => {
  await open(page, testInfo, '/search?q=group');
  await page.evaluate(() => ((window as any).stillTheSamePage = true));

  const saturday = (await filterGroup(page, 'Days')).getByLabel(/^Saturday/);
  await saturday.focus();
  await page.keyboard.press('Space');

  await expect(page).toHaveURL(/day=saturday/);
  await expect(page.getByRole('link', { name: /Remove filter: .*Saturday/ })).toBeVisible();
  const count = await resultCount(page);
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^${count} day opportunit(y|ies) found$`));
  await expect((await filterGroup(page, 'Days')).getByLabel(/^Saturday/)).toBeFocused();
  expect(await page.evaluate(() => (window as any).stillTheSamePage)).toBe(true);
});

test('back and forward move between searches, with the filters and results in step', async ({ page }, testInfo) => {
  await open(page, testInfo, '/search?q=group');
  await (await filterGroup(page, 'Days')).getByLabel(/^Monday/).check();
  await expect(page).toHaveURL(/day=monday/);
  await page.goBack();
  await expect(page).not.toHaveURL(/day=monday/);
  await expect((await filterGroup(page, 'Days')).getByLabel(/^Monday/)).not.toBeChecked();
  await page.goForward();
  await expect(page).toHaveURL(/day=monday/);
  await expect((await filterGroup(page, 'Days')).getByLabel(/^Monday/)).toBeChecked();
});

test('going back before a ticked filter\'s results arrive leaves the box unticked', async ({ page }, testInfo) => {
  await open(page, testInfo, '/search?q=group');
  const before = await resultCount(page);
  // Hold back the answer to the Monday search until after going back.
  let lateAnswer: Promise<unknown> | undefined;
  await page.route(/\/api\/search/, async (route) => {
    if (!lateAnswer) {
      lateAnswer = page.waitForResponse((r) => r.request() === route.request());
      await new Promise((r) => setTimeout(r, 1000));
    }
    await route.continue();
  });
  await (await filterGroup(page, 'Days')).getByLabel(/^Monday/).check();
  await expect(page).toHaveURL(/day=monday/);
  await page.goBack();
  await expect(page).not.toHaveURL(/day=monday/);
  await lateAnswer;
  await expect.poll(() => resultCount(page)).toBe(before);
  await expect((await filterGroup(page, 'Days')).getByLabel(/^Monday/)).not.toBeChecked();
});

test('changing the order applies at once', async ({ page }, testInfo) => {
  await open(page, testInfo, '/search?near=Crewe');
  await page.getByLabel('Order by').selectOption('name');
  await expect(page).toHaveURL(/order=name/);
  await expect(page.getByLabel('Order by')).toBeFocused();
});

test('after following a page link, focus moves to the number found', async ({ page }, testInfo) => {
  await open(page, testInfo, '/search');
  await page.getByRole('navigation', { name: 'Results pages' }).getByRole('link', { name: /Next/ }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.locator('#results-count')).toBeFocused();
});

test('opening a listing moves focus to its heading', async ({ page }, testInfo) => {
  await open(page, testInfo, '/search?q=club');
  await page.evaluate(() => ((window as any).stillTheSamePage = true));
  await page.locator('.result__link').first().click();
  await expect(page).toHaveURL(/\/services\//);
  await expect(page.locator('main h1')).toBeFocused();
  expect(await page.evaluate(() => (window as any).stillTheSamePage)).toBe(true);
});
