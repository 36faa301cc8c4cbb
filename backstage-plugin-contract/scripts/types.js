#!/usr/bin/env node
/*
 * src/generated/api.ts comes from ../openapi/openapi.yaml (the service's published contract)
 * through openapi-typescript, never by hand.
 *   node scripts/types.js          regenerate it (npm run generate:types)
 *   node scripts/types.js --check  regenerate into a temporary file and fail when the committed
 *                                  one differs (npm run check:types; part of npm test)
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const contract = path.resolve(root, '..', 'openapi', 'openapi.yaml');
const committed = path.join(root, 'src', 'generated', 'api.ts');
const cli = path.join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');

function generate(output) {
  execFileSync(process.execPath, [cli, contract, '--output', output], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

if (!process.argv.includes('--check')) {
  generate(committed);
  console.log(`generated ${path.relative(root, committed)} from ${path.relative(root, contract)}`);
  process.exit(0);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitoring-onboarding-types-'));
try {
  const fresh = path.join(dir, 'api.ts');
  generate(fresh);
  const expected = fs.readFileSync(fresh, 'utf8');
  const actual = fs.existsSync(committed) ? fs.readFileSync(committed, 'utf8') : '';
  if (expected !== actual) {
    const line = firstDifference(expected, actual);
    console.error(
      `${path.relative(root, committed)} is stale: it differs from what ${path.relative(root, contract)} generates` +
        ` (first at line ${line}). Run \`npm run generate:types\` and commit the result.`,
    );
    process.exitCode = 1; // not process.exit: the finally below still removes the temporary file
  } else {
    console.log(`${path.relative(root, committed)} matches ${path.relative(root, contract)}`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

function firstDifference(a, b) {
  const left = a.split('\n');
  const right = b.split('\n');
  let i = 0;
  while (i < left.length && i < right.length && left[i] === right[i]) i++;
  return i + 1;
}
