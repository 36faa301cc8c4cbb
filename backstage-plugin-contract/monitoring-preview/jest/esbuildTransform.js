/*
 * Jest transform for the frontend: TypeScript/TSX of the plugin, and the ESM-only builds that
 * Backstage's frontend packages publish (dist/*.esm.js), turned into CommonJS by esbuild (what
 * `backstage-cli package test` does with its own transforms).
 */
const { transformSync } = require('esbuild');
const path = require('node:path');

module.exports = {
  process(source, filename) {
    const ext = path.extname(filename);
    const loader = ext === '.tsx' ? 'tsx' : ext === '.ts' ? 'ts' : ext === '.jsx' ? 'jsx' : 'js';
    const { code, map } = transformSync(source, {
      loader,
      format: 'cjs',
      target: 'node20',
      jsx: 'automatic',
      // import() becomes require(): Jest runs CommonJS (React.lazy in core-components uses import()).
      supported: { 'dynamic-import': false },
      sourcemap: 'external',
      sourcefile: filename,
    });
    return { code, map };
  },
};
