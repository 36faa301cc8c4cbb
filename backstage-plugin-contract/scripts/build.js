#!/usr/bin/env node
/*
 * The package's build, as `backstage-cli package build` lays out a backend module: dist/index.cjs.js
 * (CommonJS for Node 20+, dependencies left as requires) and its type declarations from dist/index.d.ts.
 * esbuild bundles the sources into the one file; tsc writes the declarations (tsconfig.build.json).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');

fs.rmSync(dist, { recursive: true, force: true });
esbuild.buildSync({
  entryPoints: [path.join(root, 'src', 'index.ts')],
  outfile: path.join(dist, 'index.cjs.js'),
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {
  cwd: root,
  stdio: 'inherit',
});
for (const file of ['index.cjs.js', 'index.d.ts']) {
  if (!fs.existsSync(path.join(dist, file))) {
    console.error(`the build did not write dist/${file}`);
    process.exit(1);
  }
}
console.log('built dist/index.cjs.js and dist/index.d.ts');
