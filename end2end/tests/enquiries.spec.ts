import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, open, settled, signIn, withJs } from './helpers';

// "Ask about a place", end to end in the browser, with JavaScript on and off (the two
// projects): a resident sends an enquiry from a listing, the provider answers it in the
// editor, and the resident sees the answer on the private status page. The emails over a
// real SMTP server are server/tests/email.rs.

// The one service of the provider's organisation (weaver-paddlers) in the sample.
const SERVICE = 'weaver-inclusive-canoe-club';
const PROVIDER = 'e2e.provider@example.org';
const COUNCIL = 'e2e.council@example.org';

/**
 * Makes the page's requests seem to come from a client of their own (the server trusts
 * X-Forwarded-For from loopback), so the limit of enquiries a client may send an hour
 * counts each test, project and retry apart.
 */
async function ownClient(page: Page) {
  const octet = () => 1 + Math.floor(Math.random() * 250);
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `198.18.${octet()}.${octet()}` });
}

/** Opens the provider's enquiry whose note carries `marker` (the two projects run at once). */
async function openEnquiryWith(page: Page, marker: string) {
  await page.goto('/editor/enquiries');
  const links = await page.getByRole('link', { name: /^Enquiry \d+$/ }).evaluateAll((as) =>
    as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!),
  );
  for (const href of links) {
    await page.goto(href);
    if ((await page.getByText(marker).count()) > 0) return;
  }
  throw new Error(`no enquiry says ${marker}`);
}

test('a resident asks about a place, the provider accepts, and the resident sees the answer', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const marker = `We would like to try canoeing (${testInfo.project.name}, ${Date.now()})`;
  await ownClient(page);

  await open(page, testInfo, `/services/${SERVICE}`);
  await page.getByRole('link', { name: 'Ask about a place' }).click();
  await expect(page).toHaveURL(new RegExp(`/ask\\?service=${SERVICE}$`));
  await settled(page, testInfo);
  await expect(page.getByRole('heading', { level: 1, name: 'Ask about a place' })).toBeVisible();

  // Sent with nothing filled in: every field says what it needs, and the error summary
  // links to them.
  await page.getByRole('button', { name: 'Send enquiry' }).click();
  await expect(page.getByRole('alert').getByText('There is a problem')).toBeVisible();
  await expect(page.locator('.error-summary a[href="#name"]')).toBeVisible();
  await settled(page, testInfo);

  await page.getByLabel('For someone I care for').check();
  await page.getByLabel('Your name').fill('Sam Example');
  await page.getByLabel('By email').check();
  await page.getByLabel('Email address').fill('sam.example@example.org');
  await page.getByLabel('A taster session').check();
  await page.getByLabel('Saturday').check();
  await page.getByLabel('Anything else they should know? (optional)').fill(marker);
  await page.getByLabel('I agree to share these details with the provider').check();
  await page.getByRole('button', { name: 'Send enquiry' }).click();

  await expect(page).toHaveURL(/\/enquiries\/[0-9a-f]{64}\?sent=yes$/);
  await settled(page, testInfo);
  await expect(page.getByRole('heading', { name: 'Your enquiry has been sent' })).toBeVisible();
  const status = page.url().replace('?sent=yes', '');

  // The provider, in a browser of their own.
  const providerContext = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    javaScriptEnabled: withJs(testInfo),
  });
  const provider = await providerContext.newPage();
  await signIn(provider, PROVIDER);
  await provider.getByRole('link', { name: 'Enquiries' }).first().click();
  await expect(provider.getByRole('heading', { level: 1, name: 'Enquiries' })).toBeVisible();
  await openEnquiryWith(provider, marker);
  await expect(provider.getByText('Sam Example')).toBeVisible();
  await expect(provider.getByText('sam.example@example.org')).toBeVisible();
  await provider.getByLabel('Accept: we can offer what they asked for').check();
  await provider.getByLabel('Your message').fill('Come to the taster on Saturday at 10am at the boat house.');
  await provider.getByRole('button', { name: 'Send answer' }).click();
  await expect(provider.getByText('Your answer is saved and the person will be told.')).toBeVisible();
  await expect(provider.getByText(/Accepted by Pat Provider/)).toBeVisible();
  await providerContext.close();

  // The resident's private page shows the answer.
  await open(page, testInfo, status);
  await expect(page.getByText('The provider can offer what you asked for.')).toBeVisible();
  await expect(page.getByText('Come to the taster on Saturday at 10am at the boat house.')).toBeVisible();
});

test('a social worker asks about everything on their list in one go', async ({ page, baseURL }, testInfo) => {
  const listed = ['weaver-inclusive-canoe-club', 'crewe-saturday-memory-club'];
  await ownClient(page);
  await page.context().addCookies([{ name: 'list', value: listed.join('.'), url: baseURL! }]);
  await open(page, testInfo, '/my-list');
  await page.getByRole('link', { name: 'Ask about places on your list' }).click();
  await settled(page, testInfo);
  const places = page.getByRole('group', { name: 'Which places are you asking about?' });
  await expect(places.getByRole('checkbox')).toHaveCount(2);
  await page.getByLabel('As a professional (for example a social worker)').check();
  await page.getByLabel('Your name').fill('Alex Worker');
  await page.getByLabel('By phone').check();
  await page.getByLabel('Phone number').fill('01632 960 321');
  await page.getByLabel('A visit to look round').check();
  await page.getByLabel('I agree to share these details with the provider').check();
  await page.getByRole('button', { name: 'Send enquiry' }).click();
  await expect(page).toHaveURL(/\/enquiries\/[0-9a-f]{64}\?sent=yes$/);
  await settled(page, testInfo);
  await expect(page.getByRole('heading', { name: 'Your enquiry has been sent' })).toBeVisible();
  // One line for each place asked about.
  await expect(page.getByText('Sent. The provider has not replied yet.')).toHaveCount(2);
});

test.describe('the enquiry pages have no axe violations', () => {
  // axe runs as script in the page, so it needs JavaScript; without it, the site's own
  // scripts are blocked instead (as accessibility.spec.ts does).
  test.use({ javaScriptEnabled: true });
  test.beforeEach(async ({ page }, testInfo) => {
    if (!withJs(testInfo)) await page.route(/\.(js|wasm)(\?.*)?$/, (route) => route.abort());
  });

  test('the form, its errors, the status page, the inbox, inviting a colleague and the reports', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await ownClient(page);
    await page.goto(`/ask?service=${SERVICE}`);
    await settled(page, testInfo);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Send enquiry' }).click();
    await expect(page.getByText('There is a problem')).toBeVisible();
    await settled(page, testInfo);
    await expectNoAxeViolations(page);

    await page.getByLabel('For myself').check();
    await page.getByLabel('Your name').fill('Robin Example');
    await page.getByLabel('By phone').check();
    await page.getByLabel('Phone number').fill('01632 960 555');
    await page.getByLabel('A place', { exact: true }).check();
    await page.getByLabel('I agree to share these details with the provider').check();
    await page.getByRole('button', { name: 'Send enquiry' }).click();
    await expect(page).toHaveURL(/\/enquiries\//);
    await settled(page, testInfo);
    await expectNoAxeViolations(page);

    await signIn(page, PROVIDER);
    await page.goto('/editor/enquiries');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: /^Enquiry \d+$/ }).first().click();
    await expect(page.getByRole('heading', { name: 'Who is asking' })).toBeVisible();
    await expectNoAxeViolations(page);
    // Inviting a colleague, and its errors.
    await page.goto('/editor/account/invite');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await expect(page.getByText('There is a problem')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.context().clearCookies();
    await signIn(page, COUNCIL);
    await page.goto('/editor/insight/enquiries');
    await expect(page.getByRole('heading', { level: 1, name: 'Enquiries and where they got to' })).toBeVisible();
    await expectNoAxeViolations(page);
    // The council's requests to manage listings (none waiting here).
    await page.goto('/editor/claims');
    await expect(page.getByRole('heading', { level: 1, name: 'Requests to manage listings' })).toBeVisible();
    await expectNoAxeViolations(page);
    // The feeds Dayfinder follows (none here), and the follow form's errors.
    await page.goto('/editor/feeds');
    await expect(page.getByRole('heading', { level: 1, name: 'Feeds we follow' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('How often to read it').fill('every second');
    await page.getByRole('button', { name: 'Follow this feed' }).click();
    await expect(page.getByText('There is a problem')).toBeVisible();
    await expectNoAxeViolations(page);
    // No sideways scroll at 320px (the feed address in the hint wraps).
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/editor/feeds');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});
