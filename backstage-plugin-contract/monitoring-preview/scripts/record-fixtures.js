#!/usr/bin/env node
/*
 * Records the answers the component tests replay, from the real service: starts the packaged jar
 * on its embedded default (platform-next with account-service, metrics-catalog v1.2.0), asks it
 * what the Monitoring tab asks, and writes each answer (status, content type, body) to
 * fixtures/<name>.json. Then a second jar whose platform-next cannot be reached gives the 503.
 *   node monitoring-preview/scripts/record-fixtures.js      (after ./mvnw -B package -DskipTests -Dskip.npm)
 * Commit the result; the tests never change it.
 */
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { startJar } = require('./jar');

const dir = path.resolve(__dirname, '..', 'fixtures');

function paymentProcessor() {
  const { load } = require('js-yaml');
  const file = path.resolve(__dirname, '..', '..', '..', 'src', 'test', 'resources', 'merge', 'payment-processor.yaml');
  const entry = load(fs.readFileSync(file, 'utf8'));
  entry.monitoring.overrides.prod.dynatrace.alertRules[0].enabled = false;
  return entry;
}

async function record(baseUrl, name, pathAndQuery, accept, body) {
  const response = await fetch(baseUrl + pathAndQuery, {
    method: body ? 'POST' : 'GET',
    headers: { Accept: `${accept}, application/problem+json`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const fixture = {
    request: { method: body ? 'POST' : 'GET', path: pathAndQuery, accept, ...(body ? { body } : {}) },
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: await response.text(),
  };
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
  console.log(`${name}: ${fixture.status} ${fixture.contentType} (${fixture.body.length} characters)`);
}

/** A local port nothing listens on. */
async function closedPort() {
  const server = net.createServer();
  await new Promise(done => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  await new Promise(done => server.close(done));
  return port;
}

async function main() {
  fs.mkdirSync(dir, { recursive: true });
  const service = await startJar();
  try {
    await record(service.baseUrl, 'account-service.preview', '/services/account-service/preview', 'application/json');
    await record(
      service.baseUrl,
      'account-service.prod-euw1.configmap',
      '/services/account-service/preview?environment=prod&region=euw1&track=stable',
      'application/yaml',
    );
    await record(service.baseUrl, 'payment-processor.not-found', '/services/payment-processor/preview', 'application/json');
    // The same shape for a proposed entry (POST /services/preview): the design document's
    // payment-processor with its prod rule disabled, inline metrics and entry overrides, which
    // account-service has none of.
    // The catalog bump panel: account-service moved from v1.2.0 to v1.3.0, and a ref the catalog lacks.
    await record(service.baseUrl, 'account-service.diff-v1.3.0', '/services/account-service/diff?ref=v1.3.0', 'application/json');
    await record(service.baseUrl, 'account-service.diff-unknown-ref', '/services/account-service/diff?ref=v9.9.9', 'application/json');
    await record(service.baseUrl, 'payment-processor.proposed.preview', '/services/preview', 'application/json', paymentProcessor());
  } finally {
    await service.stop();
  }
  const cut = await startJar({ 'platform-next.url': `http://127.0.0.1:${await closedPort()}/platform-next.git` });
  try {
    await record(cut.baseUrl, 'account-service.unavailable', '/services/account-service/preview', 'application/json');
  } finally {
    await cut.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
