import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { APP_ORIGIN } from './ipc';
import { denyAllPermissions } from './security';
import { lockNavigation, mainWindowOptions, restoreBounds, type Bounds } from './window-options';

interface SavedState extends Partial<Bounds> {
  maximized?: boolean;
}

function readState(file: string): SavedState | undefined {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SavedState) : undefined;
  } catch {
    return undefined;
  }
}

/** Opens the main window, locked down, where it was last left. */
export function createMainWindow(options: {
  preload: string;
  stateFile: string;
  devServerUrl?: string;
  isTrustedUrl: (url: string) => boolean;
  onBlocked: (url: string) => void;
}): BrowserWindow {
  const saved = readState(options.stateFile);
  const bounds = restoreBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow(mainWindowOptions(options.preload, bounds));
  lockNavigation(window.webContents, options.isTrustedUrl, options.onBlocked);
  denyAllPermissions(window.webContents.session);
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const remember = () => {
    if (window.isDestroyed()) return;
    const state: SavedState = { ...window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileSync(options.stateFile, JSON.stringify(state));
    } catch {
      // Remembering the size is a nicety; failing to must not disturb a sale.
    }
  };
  window.on('resized', remember);
  window.on('moved', remember);
  window.on('close', remember);

  void window.loadURL(options.devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

export function dataFile(dir: string, name: string): string {
  return join(dir, name);
}
