import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReason, ensureRendererBuilt, OUTPUT_DIR } from './build-renderer';

let root: string;
let builds: number;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A stand-in for vite: empties the output (as vite does) and writes an index. */
function fakeBuild(): void {
  builds++;
  rmSync(join(root, OUTPUT_DIR), { recursive: true, force: true });
  write(`${OUTPUT_DIR}/index.html`, `<html>build ${builds}</html>`);
}

const start = () => ensureRendererBuilt({ root, build: fakeBuild });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tendero-build-'));
  builds = 0;
  write('renderer/index.html', '<div id="root"></div>');
  write('renderer/vite.config.ts', 'export default {};');
  write('renderer/src/main.tsx', 'render();');
  write('renderer/src/App.test.tsx', 'test();');
  write('core/money.ts', 'export const cents = 100;');
  write('package-lock.json', '{"lockfileVersion":3}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('npm run web builds the UI only when its sources changed', () => {
  it('builds the first time, then skips while nothing changed', () => {
    expect(start()).toEqual({ built: true, reason: 'no finished build' });
    expect(start()).toEqual({ built: false, reason: null });
    expect(builds).toBe(1);
  });

  it('rebuilds after a change in the renderer, in core, in the lock file, or a new file', () => {
    start();
    for (const [path, text] of [
      ['renderer/src/main.tsx', 'render(<App />);'],
      ['core/money.ts', 'export const cents = 1000;'],
      ['package-lock.json', '{"lockfileVersion":3,"packages":{}}'],
      ['renderer/src/screens/New.tsx', 'export {};'],
      ['renderer/vite.config.ts', 'export default { base: "./" };'],
    ] as const) {
      write(path, text);
      expect(buildReason(root)).toBe('sources changed');
      expect(start().built).toBe(true);
      expect(start().built).toBe(false);
    }
    expect(builds).toBe(6);
  });

  it('needs no build for a changed test, and builds again when the output is gone', () => {
    start();
    write('renderer/src/App.test.tsx', 'test("more");');
    expect(start().built).toBe(false);
    rmSync(join(root, OUTPUT_DIR), { recursive: true, force: true });
    expect(start()).toEqual({ built: true, reason: 'no finished build' });
  });

  it('a failed build leaves no stamp, so the next start builds again', () => {
    start();
    write('core/money.ts', 'broken(');
    expect(() =>
      ensureRendererBuilt({
        root,
        build: () => {
          rmSync(join(root, OUTPUT_DIR), { recursive: true, force: true });
          throw new Error('vite build failed');
        },
      }),
    ).toThrow('vite build failed');
    expect(buildReason(root)).toBe('no finished build');
  });

  it('--force builds whatever the stamp says', () => {
    start();
    expect(ensureRendererBuilt({ root, build: fakeBuild, force: true }).built).toBe(true);
    expect(builds).toBe(2);
  });
});
