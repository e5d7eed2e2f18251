/**
 * Builds the renderer only when its sources changed since the last build:
 * `npm run web`, `npm run bench:ui` and the e2e setup start at once when
 * nothing did. The inputs are hashed by content (a checkout or a copy changes
 * times, not contents) and the hash is written into the build output after a
 * build succeeds; vite empties that folder first, so a failed or interrupted
 * build leaves no stamp and the next start builds again.
 *
 * `--force` builds whatever the stamp says.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the built UI is made of: its sources, the rules it imports, the build setup, the locked dependencies. */
const INPUT_DIRS = ['renderer/src', 'renderer/public', 'core'];
const INPUT_FILES = [
  'renderer/index.html',
  'renderer/vite.config.ts',
  'renderer/tsconfig.json',
  'tsconfig.base.json',
  'package-lock.json',
];
export const OUTPUT_DIR = 'dist/renderer';
export const STAMP_FILE = '.sources-hash';

/** Tests are not part of the bundle: changing one needs no rebuild. */
function isInput(path: string): boolean {
  return !/\.test\.tsx?$/.test(path);
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path));
    else if (entry.isFile() && isInput(path)) found.push(path);
  }
  return found;
}

/** One hash of every input's path and content, in a fixed order. */
export function sourcesHash(root: string): string {
  const files = [
    ...INPUT_DIRS.flatMap((dir) => filesUnder(join(root, dir))),
    ...INPUT_FILES.map((file) => join(root, file)).filter((file) => existsSync(file)),
  ]
    .map((file) => relative(root, file).split(sep).join('/'))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function stampOf(root: string): string | null {
  const out = join(root, OUTPUT_DIR);
  if (!existsSync(join(out, 'index.html'))) return null;
  try {
    return readFileSync(join(out, STAMP_FILE), 'utf8').trim();
  } catch {
    return null;
  }
}

/** Why a build is needed, or null when the last build is of these very sources. */
export function buildReason(root: string, hash = sourcesHash(root)): string | null {
  const stamp = stampOf(root);
  if (stamp === null) return 'no finished build';
  return stamp === hash ? null : 'sources changed';
}

/**
 * Builds with `build` when needed and stamps the output. Returns what it did;
 * a failing build throws and writes no stamp.
 */
export function ensureRendererBuilt(options: {
  root: string;
  build: () => void;
  force?: boolean;
}): { built: boolean; reason: string | null } {
  const hash = sourcesHash(options.root);
  const reason = options.force ? 'forced' : buildReason(options.root, hash);
  if (reason === null) return { built: false, reason };
  options.build();
  const out = join(options.root, OUTPUT_DIR);
  if (!existsSync(out) || !statSync(out).isDirectory())
    throw new Error(`The build wrote no ${OUTPUT_DIR}`);
  writeFileSync(join(out, STAMP_FILE), `${hash}\n`);
  return { built: true, reason };
}

function viteBuild(root: string): void {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const result = spawnSync(npx, ['vite', 'build', '--config', 'renderer/vite.config.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? 'signal'})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  try {
    const { built, reason } = ensureRendererBuilt({
      root,
      build: () => viteBuild(root),
      force: process.argv.includes('--force'),
    });
    if (!built) console.log('The user interface is up to date (no sources changed): not rebuilt.');
    else console.log(`Built the user interface (${reason}).`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
