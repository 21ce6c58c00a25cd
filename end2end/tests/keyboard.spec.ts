import { expect, test, type Page } from '@playwright/test';
import { open, settled } from './helpers';

/** Presses Tab until the focused element matches, failing after `limit` presses. */
async function tabTo(page: Page, selector: string, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

test('a keyboard user can skip to the content, search, filter and open a listing', async ({ page }, testInfo) => {
  await open(page, testInfo, '/');

  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main-content$/);

  await tabTo(page, '#q');
  await page.keyboard.type('club');
  await tabTo(page, '#near');
  await page.keyboard.type('Macclesfield');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=club&near=Macclesfield/);
  await settled(page, testInfo);

  await tabTo(page, 'details[data-param="day"] > summary', 80);
  await page.keyboard.press('Enter');
  await tabTo(page, 'input[name="day"][value="monday"]', 20);
  await page.keyboard.press('Space');
  await tabTo(page, 'button.filters__apply', 80);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/day=monday/);
  await settled(page, testInfo);

  await tabTo(page, '.result__link', 120);
  const name = (await page.evaluate(() => document.activeElement?.textContent ?? '')).trim();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});
