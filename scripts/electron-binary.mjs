// Where Electron's own program is, or null when it was never downloaded
// (ELECTRON_SKIP_BINARY_DOWNLOAD=1, or no internet at install time).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
