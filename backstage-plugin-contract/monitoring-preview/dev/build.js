#!/usr/bin/env node
/* Bundles dev/index.tsx for the browser with esbuild (the Backstage CLI's dev server is far heavier). */
const esbuild = require('esbuild');
const path = require('node:path');

const out = path.resolve(__dirname, '..', '..', '..', 'target', 'monitoring-preview-dev');

async function build() {
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'index.tsx')],
    outfile: path.join(out, 'app.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    minify: process.env.DEV_MINIFY !== 'false',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl' },
    logLevel: 'warning',
  });
  return out;
}

module.exports = { build, out };
if (require.main === module) {
  build().then(dir => console.log(`built ${dir}`), error => { console.error(error); process.exit(1); });
}
