import { expect, test } from '@playwright/test';

test('the stylesheet and scripts have hashed names and may be cached for a year', async ({ page, request }) => {
  await page.goto('/');
  const css = await page.locator('link[rel="stylesheet"]').getAttribute('href');
  expect(css).toMatch(/^\/pkg\/dayfinder\.[\w-]+\.css$/);
  const response = await request.get(css!, { headers: { 'accept-encoding': 'br, gzip' } });
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(response.headers()['content-encoding']).toMatch(/^(br|gzip)$/);
});

test('pages load nothing from other sites', async ({ page }) => {
  const elsewhere: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1')) elsewhere.push(r.url());
  });
  await page.goto('/search?q=club&near=Crewe');
  await page.goto('/');
  expect(elsewhere).toEqual([]);
});
