import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, open, signIn, withJs } from './helpers';

// Issue 7's "done when": a provider changes a session time and marks the service full, a
// council editor approves the change, and a resident sees both in search straight after.
// The editors are added by the web server's start command (playwright.config.ts).
const PROVIDER = 'e2e.knutsford@example.org';
const COUNCIL = 'e2e.council@example.org';
const SERVICE = 'knutsford-thursday-club';
const NAME = 'Knutsford Thursday Club';

test.describe('keeping a listing true', () => {
  // One listing, changed once: the editor pages have no scripts, so one project is enough
  // (and two at once would race for the same change).
  test.skip(({ javaScriptEnabled }) => javaScriptEnabled, 'editor pages work the same without JavaScript');

  test('a provider changes a session time and marks it full, a council editor approves, a resident sees it', async ({
    page,
    browser,
  }, testInfo) => {
    // The provider changes Thursday's start from 6:30pm to 6pm and sends it for approval.
    await signIn(page, PROVIDER);
    await page.getByRole('link', { name: `Change the listing for ${NAME}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change the listing');
    const session = page.getByRole('group', { name: 'Session 1' });
    await expect(session.getByLabel('Day')).toHaveValue('thursday');
    await session.getByLabel('Starts').fill('18:00');
    await page.getByRole('button', { name: 'Send for approval' }).click();
    await expect(page.getByRole('status')).toContainText('A council editor will check it');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your changes');

    // ...and marks it full, which needs no approval.
    await page.getByRole('link', { name: 'Services' }).click();
    await page
      .locator(`#service-${SERVICE}`)
      .getByRole('button', { name: new RegExp(`Full at ${NAME}$`) })
      .click();
    await expect(page.getByRole('status')).toContainText(`${NAME}: Full (confirmed today).`);

    // A council editor sees the change before and after, and approves it.
    const councilContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
    const council = await councilContext.newPage();
    await signIn(council, COUNCIL);
    await council.getByRole('link', { name: 'Changes to approve' }).click();
    await council.getByRole('link', { name: new RegExp(NAME) }).first().click();
    const sessions = council.getByRole('row', { name: /Sessions/ });
    await expect(sessions).toContainText('Thursday 18:30 to 20:30');
    await expect(sessions).toContainText('Thursday 18:00 to 20:30');
    await council.getByRole('button', { name: 'Approve and publish' }).click();
    await expect(council.getByRole('status')).toContainText('approved and published');
    await councilContext.close();

    // A resident searching a moment later sees it full, starting at 6pm.
    const residentContext = await browser.newContext({
      baseURL: testInfo.project.use.baseURL,
      javaScriptEnabled: withJs(testInfo),
    });
    const resident = await residentContext.newPage();
    await open(resident, testInfo, '/search?q=knutsford+thursday+club');
    const card = resident.locator('.result').filter({ has: resident.getByRole('link', { name: NAME }) });
    await expect(card).toContainText('Full');
    await open(resident, testInfo, `/services/${SERVICE}`);
    await expect(resident.locator('.listing__vacancy')).toContainText('Full');
    const thursday = resident.getByRole('table', { name: 'Weekly sessions' }).getByRole('row', { name: /Thursday/ });
    await expect(thursday).toContainText('6pm');
    await expect(thursday).not.toContainText('6:30pm');
    await residentContext.close();
  });
});

test.describe('report a problem', () => {
  test('anyone can tell the council a listing is wrong, and mistakes are explained', async ({ page }, testInfo) => {
    await open(page, testInfo, '/services/poynton-coffee-companions');
    await page.getByRole('link', { name: 'Report a problem with this listing' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report a problem with this listing');
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.getByRole('alert')).toContainText('Select what is wrong with the listing');
    await page.getByLabel('The vacancies are wrong').check();
    await page.getByLabel('Tell us more').fill(`They told me they have spaces now (${testInfo.project.name})`);
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you for your report');
  });
});

test.describe('editing pages have no axe violations', () => {
  test.use({ javaScriptEnabled: true });

  test('the listing and event forms, changes, problem reports, audit log, stale listings and data quality', async ({ page }) => {
    await signIn(page, COUNCIL);
    await page.goto('/editor/services/poynton-coffee-companions/edit');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change the listing');
    await expectNoAxeViolations(page);
    await page.getByLabel('Name of the service').fill('');
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await expect(page.getByRole('alert')).toContainText('Enter the service’s name');
    await expectNoAxeViolations(page);
    await page.goto('/editor/services/poynton-coffee-companions/events/new');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add an open day or event');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await expect(page.getByRole('alert')).toContainText('Enter the event’s title');
    await expectNoAxeViolations(page);
    for (const path of ['/editor/changes', '/editor/problems', '/editor/audit', '/editor/stale', '/editor/quality']) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
    // A change with its before and after, when one has been sent (by the journey above).
    await page.goto('/editor/changes');
    const change = page.locator('a[href^="/editor/changes/"]').first();
    if (await change.count()) {
      await change.click();
      await expect(page.getByRole('table', { name: 'What changes' })).toBeVisible();
      await expectNoAxeViolations(page);
    }
  });

  test('the report a problem form', async ({ page }) => {
    await page.goto('/services/poynton-coffee-companions/report-a-problem');
    await expectNoAxeViolations(page);
  });
});
