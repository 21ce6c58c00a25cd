import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, open, signIn, withJs } from './helpers';

// The editors are added by the web server's start command (playwright.config.ts).
const PROVIDER = 'e2e.provider@example.org';
const COUNCIL = 'e2e.council@example.org';
// The one service of the provider's organisation (weaver-paddlers) in the sample.
const SERVICE = 'weaver-inclusive-canoe-club';
const NAME = 'Weaver Inclusive Canoe Club';


test('a provider marks a service full, and a resident searching sees it full', async ({ page, browser }, testInfo) => {
  await signIn(page, PROVIDER);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your services');
  const service = page.locator(`#service-${SERVICE}`);
  await expect(service.getByRole('heading', { level: 2 })).toHaveText(NAME);
  // The button for the current status says "Confirm: ..."; either way it is "Full at ...".
  await service.getByRole('button', { name: new RegExp(`Full at ${NAME}$`) }).click();
  await expect(page.getByRole('status')).toContainText(`${NAME}: Full (confirmed today).`);
  await expect(page.locator(`#service-${SERVICE} strong.tag`)).toHaveText('Full');
  await expect(page.locator(`#service-${SERVICE}`)).toContainText('Checked today');

  // A resident, in a browser of their own, searches for it.
  const resident = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    javaScriptEnabled: withJs(testInfo),
  });
  const residentPage = await resident.newPage();
  await open(residentPage, testInfo, '/search?q=canoe');
  const card = residentPage.locator('.result').filter({ has: residentPage.getByRole('link', { name: NAME }) });
  await expect(card).toContainText('Full');
  await open(residentPage, testInfo, `/services/${SERVICE}`);
  await expect(residentPage.locator('.listing__vacancy')).toContainText('Full');
  await expect(residentPage.locator('.listing__vacancy')).toContainText('Checked today');
  await resident.close();

  // Signing out ends the session.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await expect(page.getByRole('status')).toHaveText('You have signed out.');
  await page.goto('/editor');
  await expect(page).toHaveURL(/\/editor\/sign-in$/);
});

test('a sign-in with nothing typed shows what to fix and keeps the email', async ({ page }) => {
  await page.goto('/editor/sign-in');
  await page.getByLabel('Email address').fill('someone@example.org');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveTitle('Error: Sign in – Dayfinder editors');
  await expect(page.getByRole('alert')).toContainText('Enter your password');
  await expect(page.getByLabel('Email address')).toHaveValue('someone@example.org');
});

test.describe('editor pages have no axe violations', () => {
  // axe runs as script in the page; the editor pages have no scripts of their own.
  test.use({ javaScriptEnabled: true });

  test('the sign-in page', async ({ page }) => {
    await page.goto('/editor/sign-in');
    await expectNoAxeViolations(page);
  });

  test('the sign-in page with errors', async ({ page }) => {
    await page.goto('/editor/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the vacancies page', async ({ page }) => {
    await signIn(page, PROVIDER);
    await expectNoAxeViolations(page);
  });

  test('the council’s pages: all services and accounts', async ({ page }) => {
    await signIn(page, COUNCIL);
    await page.goto(`/editor?organisation=weaver-paddlers`);
    await expectNoAxeViolations(page);
    await page.goto('/editor/accounts');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accounts');
    await expectNoAxeViolations(page);
  });
});
