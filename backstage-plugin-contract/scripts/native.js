#!/usr/bin/env node
/*
 * better-sqlite3 is the in-memory database of Backstage's test backends (startTestBackend). Its
 * install script downloads a prebuilt binary from GitHub, which CI cannot reach, and .npmrc turns
 * install scripts off anyway; so this builds it from source with the node-gyp that npm ships and
 * the Node.js headers installed beside node (about 2.5 minutes on 2 cores), and keeps the result
 * in a cache outside node_modules (npm ci empties node_modules every run), keyed by the module's
 * version, the Node ABI and the platform. `npm test` runs it before Jest; it does nothing when
 * the module already loads.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const moduleDir = path.dirname(require.resolve('better-sqlite3/package.json', { paths: [root] }));
const binary = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
const { version } = JSON.parse(fs.readFileSync(path.join(moduleDir, 'package.json'), 'utf8'));
const cacheDir = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'monitoring-onboarding-backstage');
const cached = path.join(cacheDir, `better_sqlite3-${version}-abi${process.versions.modules}-${process.platform}-${process.arch}.node`);

function loads() {
  try {
    execFileSync(process.execPath, ['-e', `new (require(${JSON.stringify(moduleDir)}))(':memory:').close()`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

if (loads()) {
  process.exit(0);
}
if (fs.existsSync(cached)) {
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  fs.copyFileSync(cached, binary);
  if (loads()) {
    console.log(`better-sqlite3 ${version}: took the binary built earlier (${cached})`);
    process.exit(0);
  }
}

// npm's own node-gyp; the headers of this very node (Debian's nodejs-dev / the Node tarball's include/).
const npmDir = process.env.npm_execpath ? path.resolve(path.dirname(process.env.npm_execpath), '..') : '/usr/lib/node_modules/npm';
const nodeGyp = path.join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
const nodeDir = path.resolve(path.dirname(process.execPath), '..');
const args = [nodeGyp, 'rebuild', '--release', '-j', String(Math.max(1, os.availableParallelism?.() ?? os.cpus().length))];
if (fs.existsSync(path.join(nodeDir, 'include', 'node', 'common.gypi'))) {
  args.push(`--nodedir=${nodeDir}`);
} else {
  console.warn(`No Node.js headers under ${nodeDir}/include/node: node-gyp will try to download them.`);
}
console.log(`better-sqlite3 ${version}: building from source for Node ${process.version} (once per machine; about 2.5 minutes on 2 cores)`);
const started = Date.now();
execFileSync(process.execPath, args, { cwd: moduleDir, stdio: ['ignore', 'ignore', 'inherit'] });
if (!loads()) {
  console.error('better-sqlite3 was built but does not load; the test backends cannot start.');
  process.exit(1);
}
fs.mkdirSync(cacheDir, { recursive: true });
fs.copyFileSync(binary, `${cached}.tmp`);
fs.renameSync(`${cached}.tmp`, cached);
console.log(`better-sqlite3 ${version}: built in ${Math.round((Date.now() - started) / 1000)} s, cached as ${cached}`);
