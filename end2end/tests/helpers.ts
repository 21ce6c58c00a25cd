import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/** Whether this run has JavaScript on (the `js` project). */
export function withJs(testInfo: TestInfo): boolean {
  return testInfo.project.name === 'js';
}

/** Goes to a page and, with JavaScript on, waits until hydration has finished. */
export async function open(page: Page, testInfo: TestInfo, url: string) {
  const response = await page.goto(url);
  await settled(page, testInfo);
  return response;
}

/** With JavaScript on, waits for the page to be hydrated (the app marks `<html>` when it is). */
export async function settled(page: Page, testInfo: TestInfo) {
  if (withJs(testInfo)) {
    // The debug wasm is large: compiling it can take a while on a busy 2-core machine.
    await expect(page.locator('html[data-hydrated]')).toHaveCount(1, { timeout: 30_000 });
  }
}

/** Runs axe-core on the page and expects no violations at all. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
  expect(summary).toEqual([]);
}

/** The number in "23 day opportunities found". */
export async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator('#results-count').textContent()) ?? '';
  const match = text.match(/(\d+)/);
  return match ? Number(match[1]) : NaN;
}

/** The href of the first result on a results page. */
export async function firstResultHref(page: Page): Promise<string> {
  const href = await page.locator('.result__link').first().getAttribute('href');
  expect(href).toBeTruthy();
  return href!;
}

/** The checkboxes of one filter (by its heading, "Days"), opening its section first. */
export async function filterGroup(page: Page, name: string) {
  const section = page
    .locator('details.filter-group')
    .filter({ has: page.locator('.filter-group__label', { hasText: new RegExp(`^${name}$`) }) });
  if (!(await section.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await section.locator('summary').click();
  }
  return section.getByRole('group', { name });
}

/** The password of the editors the web server's start command adds (playwright.config.ts). */
export const EDITOR_PASSWORD = 'plum tree river lantern';

/** Signs an editor in through the form, landing on their services. */
export async function signIn(page: Page, email: string) {
  await page.goto('/editor/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(EDITOR_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/editor$/);
}
