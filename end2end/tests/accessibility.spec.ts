import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, firstResultHref, settled, withJs } from './helpers';

// axe runs as script in the page, so it needs JavaScript. For the no-JS scans, JavaScript
// stays on but the site's own scripts and wasm are blocked: the page is what a browser
// without JavaScript shows.
test.use({ javaScriptEnabled: true });

test.beforeEach(async ({ page }, testInfo) => {
  if (!withJs(testInfo)) {
    await page.route(/\.(js|wasm)(\?.*)?$/, (route) => route.abort());
  }
});

// Three services of the sample directory, for the list pages.
const LISTED = 'sandbach-stars-social-club,macclesfield-autism-social-club,crewe-saturday-memory-club';

const pages: [string, string][] = [
  ['home', '/'],
  ['results', '/search?q=club&near=Crewe'],
  ['results with filters', '/search?need=dementia&day=saturday&order=name'],
  ['results, second page', '/search?page=2'],
  ['nothing found', '/search?q=zzzzqqqq&near=Crewe&within=1'],
  ['unknown place', '/search?near=Crwe'],
  ['about the data', '/about-the-data'],
  ['accessibility statement', '/accessibility'],
  ['privacy notice', '/privacy'],
  ['open data and API', '/open-data'],
  ['how up to date the listings are', '/data-quality'],
  ['open days and events', '/events'],
  ['open days and events, filtered', '/events?town=Crewe&need=autism&from=banana'],
  ['an event', '/events/crewe-planning-for-adulthood-evening'],
  ['preparing for adulthood', '/preparing-for-adulthood'],
  ['page not found', '/no-such-page'],
  ['my list, empty', '/my-list'],
  ['clear my list', '/my-list/clear'],
  ['a shared list', `/my-list/shared?ids=${LISTED}`],
  ['compare', `/compare?ids=${LISTED}&near=Crewe`],
  ['compare, too many', `/compare?ids=${LISTED},crewe-deaf-club,crewe-stroke-club`],
  ['list to print', `/my-list/print?ids=${LISTED}`],
  ['list to print, easy read', `/my-list/print?ids=${LISTED}&view=easy`],
  ['ask about a place', '/ask?service=crewe-saturday-memory-club'],
  ['ask about places on my list, empty', '/ask?list=yes'],
  ['enquiry not found', `/enquiries/${'0'.repeat(64)}`],
];

for (const [name, url] of pages) {
  test(`the ${name} page has no axe violations`, async ({ page }, testInfo) => {
    await page.goto(url);
    await settled(page, testInfo);
    await expectNoAxeViolations(page);
  });
}

test('a listing page has no axe violations', async ({ page }, testInfo) => {
  await page.goto('/search?q=club');
  await page.goto(await firstResultHref(page));
  await settled(page, testInfo);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('every page has a unique title, one h1, a skip link and landmarks', async ({ page }) => {
  const titles = new Set<string>();
  for (const [, url] of pages) {
    await page.goto(url);
    titles.add(await page.title());
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('a.skip-link[href="#main-content"]')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('contentinfo')).toHaveCount(1);
  }
  expect(titles.size).toBe(pages.length);
});

test('my list, with listings on it, has no axe violations', async ({ page, baseURL }, testInfo) => {
  await page.context().addCookies([{ name: 'list', value: LISTED.replaceAll(',', '.'), url: baseURL! }]);
  await page.goto('/my-list');
  await settled(page, testInfo);
  await expect(page.getByRole('link', { name: 'My list (3)' })).toBeVisible();
  await expectNoAxeViolations(page);
});

// Every page again in easy read (chosen by its cookie, as the switch leaves it), and the
// editors' sign-in page, the one editor page the public meets.
const easyPages: [string, string][] = [
  ...pages,
  ['a listing', '/services/crewe-saturday-memory-club'],
  ['report a problem', '/services/crewe-saturday-memory-club/report-a-problem'],
  ['problem sent', '/services/crewe-saturday-memory-club/report-a-problem/sent'],
  ['sign in', '/editor/sign-in'],
  ['forgotten password', '/editor/forgot-password'],
  ['forgotten password, sent', '/editor/forgot-password?sent=yes'],
  ['password link not valid', `/editor/reset-password/${'0'.repeat(64)}`],
  ['review link not found', `/review/${'0'.repeat(64)}`],
  ['manage this listing', '/claim?service=crewe-saturday-memory-club'],
  ['manage this listing, sent', '/claim/sent'],
  ['claim link not valid', `/claim/prove/${'0'.repeat(64)}`],
];

async function chooseEasyRead(page: import('@playwright/test').Page, baseURL: string) {
  await page.context().addCookies([{ name: 'view', value: 'easy', url: baseURL }]);
}

for (const [name, url] of easyPages) {
  test(`the ${name} page in easy read has no axe violations`, async ({ page, baseURL }, testInfo) => {
    await chooseEasyRead(page, baseURL!);
    await page.goto(url);
    // The editors' pages, and the signed-out ones in their frame, carry no script to wait for.
    if (!/^\/(editor|review|claim)\b/.test(url)) await settled(page, testInfo);
    await expectNoAxeViolations(page);
  });
}

test('no page scrolls sideways at 320px wide, in either view', async ({ page, baseURL }) => {
  // Every page twice in one test: more time than one page needs, on a busy 2-core machine.
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 320, height: 800 });
  const wide: string[] = [];
  for (const easy of [false, true]) {
    if (easy) await chooseEasyRead(page, baseURL!);
    for (const [name, url] of easyPages) {
      await page.goto(url);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${name}${easy ? ' (easy read)' : ''}: ${width}px`);
    }
  }
  expect(wide).toEqual([]);
});
