/**
 * The packaging configuration, checked without building an installer:
 * electron-builder.yml is valid against electron-builder's own schema, and
 * every file and folder it names exists after the build steps that make them.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { execSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error: a plain ESM build script without type declarations.
import { generateIcons, ICON_SIZES } from './icons.mjs';

const root = process.cwd();
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  any
>;

beforeAll(async () => {
  (generateIcons as (root: string) => string)(root);
  // The main process, exactly as `npm run build:main` bundles it (the package's "main").
  execSync('node scripts/build-main.mjs', { stdio: 'ignore' });
}, 60_000);

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's configuration schema", () => {
    const schema = JSON.parse(
      readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
    );
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names files and folders that exist', () => {
    const named = [
      config.directories.buildResources,
      config.win.icon,
      config.mac.icon,
      config.linux.icon,
      ...config.extraResources.map((r: { from: string }) => r.from),
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).main,
      'dist/main/preload.cjs',
      'dist/main/documents-worker.cjs',
    ];
    for (const path of named)
      expect(existsSync(join(root, path)), `${path} should exist`).toBe(true);
    expect(existsSync(join(root, 'db', 'migrations', 'meta', '_journal.json'))).toBe(true);
  });

  it('builds the targets the product card asks for', () => {
    expect(config.win.target[0]).toMatchObject({ target: 'nsis' });
    expect(config.nsis).toMatchObject({
      perMachine: false,
      oneClick: false,
      createDesktopShortcut: 'always',
    });
    expect(config.nsis.installerLanguages).toEqual(['es_ES', 'en_US']);
    expect(config.mac.target[0]).toMatchObject({ target: 'dmg', arch: ['x64', 'arm64'] });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*');
  });
});

describe('the icon set', () => {
  it('is generated from assets/icon.svg at every size, with ICO and ICNS', () => {
    const dir = join(root, 'assets', 'icons', 'build');
    for (const size of ICON_SIZES as number[]) {
      const png = readFileSync(join(dir, `${size}x${size}.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // PNG header: width and height as big-endian integers at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    expect(readFileSync(join(dir, 'icon.ico')).readUInt16BE(0)).toBe(0);
    expect(readFileSync(join(dir, 'icon.icns')).subarray(0, 4).toString()).toBe('icns');
    expect(statSync(join(dir, 'icon.icns')).size).toBeGreaterThan(10_000);
  });
});
