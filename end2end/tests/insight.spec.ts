import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, open, signIn } from './helpers';

// The council editor is added by the web server's start command (playwright.config.ts).
const COUNCIL = 'e2e.council@example.org';
const PROVIDER = 'e2e.provider@example.org';
// Dementia, Shared Lives, on Sunday evenings near Crewe: the sample has nothing for it.
const FINDS_NOTHING = '/search?need=dementia&kind=shared-lives&day=sunday&time=evening&near=Crewe';

test('a council editor sees which needs in which towns found nothing, and downloads it', async ({ page, browser }, testInfo) => {
  // A resident, in a browser of their own, searches and finds nothing.
  const resident = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const residentPage = await resident.newPage();
  for (let i = 0; i < 2; i++) {
    await open(residentPage, testInfo, FINDS_NOTHING);
    await expect(residentPage.locator('#results-count')).toContainText('0 day opportunities');
  }
  await resident.close();

  await signIn(page, COUNCIL);
  await page.getByRole('navigation', { name: 'Editor' }).getByRole('link', { name: 'Insight' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Searches that found nothing');
  await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('Last 30 days');

  const chart = page.getByRole('img', { name: /Needs and towns with the most searches that found nothing/ });
  await expect(chart).toBeVisible();
  await expect(chart).toContainText('Memory and dementia – Crewe');
  const table = page.getByRole('table', { name: 'Searches by need and town' });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Memory and dementia' }) }).filter({ hasText: 'Crewe' });
  await expect(row).toHaveCount(1);

  const link = page.getByRole('link', { name: 'Download searches by need and town (CSV)' });
  const href = await link.getAttribute('href');
  expect(href).toContain('period=30');
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const body = await csv.text();
  expect(body.split('\n')[0]).toBe('Need,Town,Searches,Found nothing,Found few,"Found nothing, previous period",Change in found nothing');
  const crewe = body.split('\n').find((line) => line.startsWith('Memory and dementia,Crewe,'));
  expect(Number(crewe!.split(',')[3])).toBeGreaterThanOrEqual(2);

  // Another period, with the same form (a GET form: works without JavaScript).
  await page.getByLabel('Last 7 days').check();
  await page.getByRole('button', { name: 'Show the report' }).click();
  await expect(page).toHaveURL(/period=7/);
  await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('Last 7 days');
});

test('a provider editor is told the reports are for the council', async ({ page }) => {
  await signIn(page, PROVIDER);
  await expect(page.getByRole('navigation', { name: 'Editor' }).getByRole('link', { name: 'Insight' })).toHaveCount(0);
  const response = await page.goto('/editor/insight');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Only council editors can see insight reports');
});

test.describe('axe', () => {
  // axe runs as script in the page; the editor pages have no scripts of their own.
  test.use({ javaScriptEnabled: true });

  for (const [name, url] of [
    ['unmet demand', '/editor/insight'],
    ['unmet demand with a wrong date', '/editor/insight?period=dates&from=2025-06-10&to=soon'],
    ['supply', '/editor/insight/supply'],
  ]) {
    test(`the ${name} report has no axe violations`, async ({ page }) => {
      await signIn(page, COUNCIL);
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});
