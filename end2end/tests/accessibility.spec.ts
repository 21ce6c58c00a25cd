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
  ['page not found', '/no-such-page'],
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
