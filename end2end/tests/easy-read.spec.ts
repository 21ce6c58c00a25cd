import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, open, settled, withJs } from './helpers';

// Easy read: every journey runs in both projects (`js` and `no-js`).

const LISTING = '/services/crewe-saturday-memory-club';

function h1(page: Page) {
  return page.getByRole('heading', { level: 1 });
}

/** Every picture on the page loaded, and is decorative (its words are beside it). */
async function expectPicturesShown(page: Page, scope: string) {
  const pictures = page.locator(`${scope} img.picture`);
  expect(await pictures.count()).toBeGreaterThan(0);
  for (const picture of await pictures.all()) {
    await expect(picture).toHaveAttribute('alt', '');
    // Waits for it to load, then checks it drew something (a missing file has no width).
    await expect.poll(() => picture.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  }
}

test('a resident switches to easy read, finds a Saturday activity near Crewe in steps, and switches back', async ({ page }, testInfo) => {
  await open(page, testInfo, '/');
  await page.getByRole('link', { name: 'Easy read', exact: true }).click();
  await expect(h1(page)).toHaveText('Find things to do in the day');
  await expect(page.locator('html')).toHaveAttribute('data-view', 'easy');
  await settled(page, testInfo);

  await page.getByRole('link', { name: 'Start', exact: true }).click();
  await expect(h1(page)).toHaveText('Who is it for?');
  await expect(page.getByText('Step 1 of 3')).toBeVisible();
  await settled(page, testInfo);
  await page.getByRole('button', { name: /memory problems/ }).click();

  await expect(h1(page)).toHaveText('Where do you live?');
  await settled(page, testInfo);
  await page.getByRole('button', { name: 'Crewe', exact: true }).click();

  await expect(h1(page)).toHaveText('Which days?');
  await settled(page, testInfo);
  await expect(page.getByText('Near Crewe.')).toBeVisible();
  await page.getByLabel('Saturday').check();
  await page.getByRole('button', { name: 'Show me what I can do' }).click();

  await expect(page).toHaveURL(/\/search\?/);
  await expect(page).toHaveURL(/need=dementia/);
  await expect(page).toHaveURL(/near=Crewe/);
  await expect(page).toHaveURL(/day=saturday/);
  await expect(h1(page)).toHaveText('Things to do near Crewe');
  await settled(page, testInfo);
  await expect(page.getByText('Days: Saturday.')).toBeVisible();
  await expectPicturesShown(page, '.easy-card');

  const first = page.locator('.easy-card .result__link').first();
  const name = (await first.textContent())!.trim();
  await first.click();
  await expect(h1(page)).toHaveText(name);
  await settled(page, testInfo);
  await expect(page.getByRole('heading', { name: 'About it' })).toBeVisible();
  await expect(page.locator('.easy-summary .point').first()).toBeVisible();
  await expectPicturesShown(page, 'main');
  await expect(page.locator('main').getByText(/^Saturday, /).first()).toBeVisible();

  await page.getByRole('link', { name: 'Standard view', exact: true }).click();
  await expect(h1(page)).toHaveText(name);
  await expect(page.locator('html')).toHaveAttribute('data-view', 'standard');
  await expect(page.getByRole('heading', { name: 'How to get a place' })).toBeVisible();
  await settled(page, testInfo);
  // Remembered: the next page is standard too.
  await open(page, testInfo, '/');
  await expect(h1(page)).toHaveText('Find day opportunities in Cheshire East');
});

test('easy read is remembered from page to page, and ?view=easy works on any address', async ({ page }, testInfo) => {
  await open(page, testInfo, `${LISTING}?view=easy`);
  await expect(page.locator('html')).toHaveAttribute('data-view', 'easy');
  await expect(page.getByText('This is a club for people with memory problems.')).toBeVisible();

  await open(page, testInfo, '/about-the-data');
  await expect(page.locator('html')).toHaveAttribute('data-view', 'easy');
  await expect(page.getByRole('link', { name: 'Standard view', exact: true })).toBeVisible();
});

test('hard words link to "Words we use"', async ({ page }, testInfo) => {
  await open(page, testInfo, '/search?cost=funded&view=easy');
  await page.locator('.easy-card .result__link').first().click();
  await expect(page.locator('html')).toHaveAttribute('data-view', 'easy');
  await settled(page, testInfo);
  await page.getByRole('link', { name: 'care assessment' }).first().click();
  await expect(page).toHaveURL(/\/words#care-assessment$/);
  await expect(h1(page)).toHaveText('Words we use');
  await expect(page.getByText('A care assessment is a meeting with someone from the council.')).toBeVisible();
});

test('the read-aloud button appears only where the browser can speak, and reads the page', async ({ page }, testInfo) => {
  // Records what would be spoken, instead of speaking.
  await page.addInitScript(() => {
    const w = window as any;
    if (w.speechSynthesis) {
      w.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
        w.spoken = u.text;
      };
    }
  });
  await open(page, testInfo, '/?view=easy');
  const button = page.getByRole('button', { name: 'Read this page aloud' });
  if (!withJs(testInfo)) {
    await expect(button).toBeHidden();
    return;
  }
  await expect(button).toBeVisible();
  await button.click();
  await expect.poll(() => page.evaluate(() => (window as any).spoken ?? '')).toContain('Find things to do in the day');
});

test.describe('axe', () => {
  // axe runs as script in the page; for the no-JS scans the site's own scripts are blocked.
  test.use({ javaScriptEnabled: true });
  test.beforeEach(async ({ page }, testInfo) => {
    if (!withJs(testInfo)) {
      await page.route(/\.(js|wasm)(\?.*)?$/, (route) => route.abort());
    }
  });

  const pages: [string, string][] = [
    ['easy-read home', '/?view=easy'],
    ['guided search: who', '/guided-search?view=easy'],
    ['guided search: where', '/guided-search/where?need=dementia&view=easy'],
    ['guided search: which days', '/guided-search/days?need=dementia&near=Crewe&view=easy'],
    ['easy-read results', '/search?need=dementia&near=Crewe&day=saturday&view=easy'],
    ['easy-read results, nothing found', '/search?near=Crwe&day=sunday&need=autism&view=easy'],
    ['easy-read listing', `${LISTING}?view=easy`],
    ['words we use', '/words'],
    ['words we use in easy read', '/words?view=easy'],
  ];
  for (const [name, url] of pages) {
    test(`the ${name} page has no axe violations`, async ({ page }, testInfo) => {
      await page.goto(url);
      await settled(page, testInfo);
      await expect(h1(page)).toHaveCount(1);
      await expectNoAxeViolations(page);
    });
  }
});

// Not part of the checks: refreshes the pictures of a listing in both views kept in docs/.
// DAYFINDER_SCREENSHOTS=1 npx playwright test tests/easy-read.spec.ts --project=js -g screenshots
test('screenshots of a listing in both views', async ({ page }, testInfo) => {
  test.skip(!process.env.DAYFINDER_SCREENSHOTS || !withJs(testInfo), 'run on demand');
  await page.setViewportSize({ width: 1000, height: 900 });
  const docs = path.resolve(__dirname, '..', '..', 'docs');
  await open(page, testInfo, `${LISTING}?view=standard`);
  await page.screenshot({ path: path.join(docs, 'easy-read-listing-standard.png'), fullPage: true });
  await open(page, testInfo, `${LISTING}?view=easy`);
  await page.screenshot({ path: path.join(docs, 'easy-read-listing-easy.png'), fullPage: true });
});

/** Every point in the main content has its picture beside it (one look at the whole page:
 * the long pages of this journey have a hundred; `expectPicturesShown` checks them load). */
async function expectEveryPointPictured(page: Page) {
  const missing = await page
    .locator('main .point, main .easy-lines__item')
    .evaluateAll((points) => points.filter((p) => !p.querySelector('img.picture[alt=""]')).length);
  expect(missing).toBe(0);
  expect(await page.locator('main img.picture').count()).toBeGreaterThan(0);
}

test('in easy read, a young person goes from the home page to an open day, keeps the place and prints the sheet', async ({ page }, testInfo) => {
  await open(page, testInfo, '/?view=easy');
  await expect(h1(page)).toHaveText('Find things to do in the day');

  await page.getByRole('link', { name: 'Open days: go and see a place before you choose.' }).click();
  await settled(page, testInfo);
  await expect(page.locator('html')).toHaveAttribute('data-view', 'easy');
  await expectEveryPointPictured(page);

  await page.getByRole('link', { name: 'Brookhouse Resource Centre open day' }).click();
  await settled(page, testInfo);
  await expect(h1(page)).toHaveText('Brookhouse Resource Centre open day');
  await expect(page.getByRole('heading', { name: 'When', exact: true })).toBeVisible();
  await expect(page.getByText('It is free.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add it to your calendar' }).first()).toBeVisible();

  // The place the open day is at, kept on the list (a POST form: no JavaScript needed).
  await page.getByRole('link', { name: 'Read about Brookhouse Day Centre.' }).click();
  await settled(page, testInfo);
  await expect(h1(page)).toHaveText('Brookhouse Day Centre');
  await page.getByRole('button', { name: /Add .*to my list/ }).click();
  await settled(page, testInfo);
  await page.getByRole('link', { name: 'My list (1)' }).click();
  await settled(page, testInfo);
  await expect(h1(page)).toHaveText('Your list');
  await expect(page.getByText('You have 1 place on your list.')).toBeVisible();

  await page.getByRole('link', { name: 'Print this list with one place on each page' }).click();
  await settled(page, testInfo);
  await expect(h1(page)).toHaveText('My list of places to try');
  await expect(page.getByRole('heading', { name: 'Who to phone' })).toBeVisible();
  await expect(page.getByRole('link', { name: '01632 960654' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'How to get there' })).toBeVisible();
  await expectEveryPointPictured(page);
});
