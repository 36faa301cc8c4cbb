/**
 * What `npm publish` would ship: `npm pack --dry-run --json` lists the tarball's files. Everything
 * a backend needs to load the module (dist/index.cjs.js), a TypeScript user needs to compile
 * against it (dist/index.d.ts and every declaration it reaches), `backstage-cli config:check`
 * needs (config.d.ts), and the template must be in it; the sources and tests must not.
 * `npm test` builds dist/ first (`npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function packedFiles(): string[] {
  if (!existsSync(join(root, 'dist', 'index.cjs.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  }
  const npm = process.env.npm_execpath;
  const [command, args] = npm ? [process.execPath, [npm]] : ['npm', []];
  const out = execFileSync(command, [...args, 'pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  const [pack] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
  return pack.files.map(f => f.path).sort();
}

const files = packedFiles();

describe('the packed module (npm pack --dry-run)', () => {
  it('holds the built module, its types, its config schema, the templates and the README', () => {
    expect(files).toEqual(
      expect.arrayContaining(['package.json', 'README.md', 'config.d.ts', 'dist/index.cjs.js', 'dist/index.d.ts', 'templates/onboard-service.yaml', 'templates/update-service-monitoring.yaml']),
    );
  });

  it('points main, types and publishConfig at packed files, and configSchema too', () => {
    for (const path of [manifest.main, manifest.types, manifest.publishConfig.main, manifest.publishConfig.types, manifest.configSchema]) {
      expect(files).toContain(posix.normalize(path));
    }
    expect(manifest.backstage.role).toBe('backend-plugin-module');
  });

  it('holds every declaration file dist/index.d.ts reaches', () => {
    const missing: string[] = [];
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      if (!files.includes(file)) {
        missing.push(file);
        return;
      }
      const text = readFileSync(join(root, file), 'utf8');
      for (const [, spec] of text.matchAll(/from ['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const base = posix.join(dirname(file), spec.replace(/\.js$/, ''));
        visit(files.includes(`${base}.d.ts`) ? `${base}.d.ts` : `${base}/index.d.ts`);
      }
    };
    visit('dist/index.d.ts');
    expect(missing).toEqual([]);
    expect(seen.size).toBeGreaterThan(3);
  });

  it('leaves out the sources, the tests and the build scripts', () => {
    expect(files.filter(f => /^(src|test|scripts)\/|\.test\.|tsconfig|jest\.config/.test(f))).toEqual([]);
  });

  it('loads from its main as a backend would, exporting the module as default', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(join(root, manifest.main));
    expect(loaded.default?.$$type).toBe('@backstage/BackendFeature');
    expect(Object.keys(loaded)).toEqual(expect.arrayContaining(['createValidateAction', 'createPreviewAction', 'createOnboardAction']));
  });
});
