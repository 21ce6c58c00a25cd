// Measures the site's budget (issue 3, point 7) against a running release server:
//   - the results page's HTML and CSS, compressed (budget: 60 KB);
//   - the hydration bundle, wasm + JS, compressed (budget: 250 KB);
//   - server time for results pages on the directory the server holds (budget: p95 < 20 ms).
// Usage: node scripts/budget.mjs http://127.0.0.1:3010 target/site/pkg [requests]
// Run by scripts/budget.sh, which builds in release and starts the server on 10,000 services.
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import zlib from 'node:zlib';

const [base, pkgDir, requestsArg] = process.argv.slice(2);
const requests = Number(requestsArg ?? 400);

const gzip = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const brotli = (buf) =>
  zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The bytes the server sends for a URL with this Accept-Encoding, still compressed. */
function served(url, encoding) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
        let n = 0;
        res.on('data', (chunk) => (n += chunk.length));
        res.on('end', () => resolve({ bytes: n, encoding: res.headers['content-encoding'] ?? 'none' }));
      })
      .on('error', reject);
  });
}

async function text(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

// 1. The results page (a full first page of 20 results) and its stylesheet.
// Everything, unfiltered: a full page of results and every facet (the largest page).
const resultsUrl = `${base}/search`;
const html = await text(resultsUrl);
const cssHref = html.toString().match(/<link[^>]+href="(\/pkg\/[^"]+\.css)"/)?.[1];
if (!cssHref) throw new Error('no stylesheet link on the results page');
const css = await text(`${base}${cssHref}`);

// 2. The hydration bundle, as built and as served.
const files = fs.readdirSync(pkgDir);
const assets = files.filter((f) => /\.(wasm|js)$/.test(f));
let servedBr = 0;
let servedGz = 0;
for (const f of assets) {
  servedBr += (await served(`${base}/pkg/${f}`, 'br')).bytes;
  servedGz += (await served(`${base}/pkg/${f}`, 'gzip')).bytes;
}
const pageBr = (await served(resultsUrl, 'br')).bytes + (await served(`${base}${cssHref}`, 'br')).bytes;
const pick = (ext) => files.filter((f) => f.endsWith(ext)).map((f) => fs.readFileSync(path.join(pkgDir, f)));
const wasm = Buffer.concat(pick('.wasm'));
const js = Buffer.concat(pick('.js'));

// 3. Server time: a mix of searches, one at a time, after a warm-up.
const searches = [
  '/search',
  '/search?q=club',
  '/search?q=dementia&near=Crewe',
  '/search?q=saturday+dementia&near=Crewe',
  '/search?need=autism&day=saturday',
  '/search?near=CW1&within=10&order=distance',
  '/search?q=supported+work&page=3',
  '/search?q=demenita+cafe',
  '/search?kind=day-centre&access=hoist&access=changing-places&near=CW11+1AA&within=5',
  '/search?q=free+activities+older+people&near=Nantwich&time=morning',
  '/search?need=learning-disability&kind=supported-employment&age=19&near=Congleton',
  '/search?q=art&order=name&page=2',
];
for (const s of searches) await text(`${base}${s}`);
const times = [];
for (let i = 0; i < requests; i++) {
  const started = process.hrtime.bigint();
  await text(`${base}${searches[i % searches.length]}`);
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
}
times.sort((a, b) => a - b);
const at = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];

const rows = [
  ['Results page HTML + CSS as served (brotli)', kb(pageBr), '60 KB', pageBr <= 60 * 1024],
  ['  best case (gzip -9 / brotli 11)', `${kb(gzip(html) + gzip(css))} / ${kb(brotli(html) + brotli(css))}`, '', true],
  ['  of which HTML (raw)', kb(html.length), '', true],
  ['Hydration bundle wasm + JS as served (brotli / gzip)', `${kb(servedBr)} / ${kb(servedGz)}`, '250 KB', servedBr <= 250 * 1024],
  ['  best case (gzip -9 / brotli 11)', `${kb(gzip(wasm) + gzip(js))} / ${kb(brotli(wasm) + brotli(js))}`, '', true],
  ['  of which wasm (raw)', kb(wasm.length), '', true],
  [`Results page time, ${requests} requests: p50 / p95 / max`, `${at(50).toFixed(1)} / ${at(95).toFixed(1)} / ${times[times.length - 1].toFixed(1)} ms`, 'p95 < 20 ms', at(95) < 20],
];
console.log('| measure | figure | budget | within |\n|---|---|---|---|');
for (const [what, figure, budget, ok] of rows) console.log(`| ${what} | ${figure} | ${budget} | ${budget ? (ok ? 'yes' : 'NO') : ''} |`);
process.exitCode = rows.every((r) => r[3]) ? 0 : 1;
