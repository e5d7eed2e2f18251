// `npm start`: builds Tendero and opens the desktop window. Where Electron's
// program is missing it says so plainly and points to the browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

const electron = electronBinary();
if (!electron) {
  console.error(`
Tendero cannot open its desktop window here: Electron's own program was not
downloaded (it is skipped with ELECTRON_SKIP_BINARY_DOWNLOAD=1, and needs
internet access to GitHub otherwise). Everything else works without it: run
  npm run web
and open the address it prints in a browser (Chromium, Chrome, Edge or Firefox).
To get the desktop window, on a machine with internet run:
  rm -rf node_modules/electron && npm install
`);
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const built = spawnSync(npm, ['run', '-s', 'build'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const child = spawn(electron, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
