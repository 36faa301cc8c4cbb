/*
 * The Monitoring tab in a real browser: Debian's Chromium driven by playwright-core, against the
 * dev app (dev/index.tsx, bundled by dev/build.js) whose proxy forwards to the packaged service
 * (the jar on a free port). Saves screenshots under ../target/monitoring-preview/.
 *   node --test monitoring-preview/browser/      (npm run test:browser; part of npm test)
 * Needs /usr/bin/chromium (apt-get install chromium; .ci/run installs it) and the jar.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { after, before, test } = require('node:test');
const { chromium } = require('playwright-core');
const { build } = require('../dev/build');
const { start } = require('../dev/server');
const { startJar } = require('../scripts/jar');

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const shots = path.resolve(__dirname, '..', '..', '..', 'target', 'monitoring-preview');

let service;
let dev;
let browser; // a persistent context on a fresh profile
let page;
let profile;

before(async () => {
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM)`);
  fs.mkdirSync(shots, { recursive: true });
  const [dir, jar] = await Promise.all([build(), startJar()]);
  service = jar;
  dev = await start({ dir, target: service.baseUrl });
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'monitoring-preview-chromium-'));
  // A fresh profile directory: playwright takes it as launchPersistentContext's userDataDir.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 1000 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(60000);
});

after(async () => {
  await browser?.close();
  await new Promise(done => (dev ? dev.server.close(done) : done()));
  await service?.stop();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

/** The cell texts of the table row whose first cell is `first`, as the page shows them. */
async function row(first) {
  return page.evaluate(first => {
    const rows = [...document.querySelectorAll('tr')].map(tr => [...tr.querySelectorAll('td')].map(td => td.innerText.trim()));
    return rows.find(cells => cells[0] === first) ?? [];
  }, first);
}

test('the tab for account-service: targets, the prod SLO and a catalog metric with their sources, the ConfigMap', async () => {
  await page.goto(dev.baseUrl);
  await page.getByText('Monitoring of account-service').waitFor();
  const tabs = await page.getByRole('tab').allInnerTexts();
  assert.deepEqual(tabs.map(t => t.toLowerCase()), ['int / euw1', 'int / euw2', 'pre / euw1', 'pre / euw2', 'prod / euw1', 'prod / euw2']);

  await page.getByRole('tab', { name: 'prod / euw1' }).click();
  await page.getByText('prod-account-service-euw1-stable').waitFor();
  assert.deepEqual(await row('availability'), ['availability', '99.99', 'profile override prod']);
  const metric = await row('accounts_opened_total');
  assert.equal(metric.at(-1), 'services/account-service/account-metrics.yaml@v1.2.0');
  assert.match(await page.getByTestId('catalog-ref').innerText(), /^v1\.2\.0 at commit [0-9a-f]{12}$/);
  await page.screenshot({ path: path.join(shots, 'monitoring-tab.png'), fullPage: false, animations: 'disabled' });

  await page.getByRole('button', { name: 'ConfigMap' }).click();
  const yaml = page.getByTestId('configmap-yaml');
  await yaml.waitFor();
  const text = await yaml.innerText();
  assert.match(text, /^apiVersion: v1\nkind: ConfigMap\n/);
  assert.match(text, /namespace: prod-account-service-euw1-stable/);
  assert.ok(await page.getByRole('button', { name: /copy/i }).isVisible());
  await page.screenshot({ path: path.join(shots, 'monitoring-configmap.png'), animations: 'disabled' });
});

test('with the service stopped: the unavailable state, its detail and a retry', async () => {
  await service.stop();
  await page.reload();
  await page.getByText(/The monitoring onboarding API is unavailable/).waitFor();
  assert.match(await page.getByTestId('failure-detail').innerText(), /could not reach the monitoring onboarding API \(HTTP 504\)/);
  assert.ok(await page.getByRole('button', { name: 'Retry' }).isVisible());
  await page.screenshot({ path: path.join(shots, 'monitoring-unavailable.png'), animations: 'disabled' });
});
