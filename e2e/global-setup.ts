import { execSync } from 'node:child_process';
// @ts-expect-error: a plain ESM helper shared with `npm start`, without type declarations.
import { electronBinary } from '../scripts/electron-binary.mjs';

/** The tests drive the built renderer: build it before they start, unless its sources are unchanged. */
export default function globalSetup(): void {
  execSync('npx tsx scripts/build-renderer.ts', { stdio: 'inherit' });
  if (!(electronBinary as () => string | null)()) {
    console.log(
      "\nNOTE: Electron's binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1): e2e/electron.spec.ts will be\n" +
        'SKIPPED. The same first-run scenario runs in Chromium through the webhost (e2e/first-run.spec.ts).\n',
    );
  }
}
