/**
 * The main window's security settings and navigation rules, free of Electron
 * imports so tests can check them in plain Node. window.ts applies them.
 */

export interface WebPreferencesLike {
  readonly preload: string;
  readonly contextIsolation: boolean;
  readonly sandbox: boolean;
  readonly nodeIntegration: boolean;
  readonly nodeIntegrationInWorker: boolean;
  readonly nodeIntegrationInSubFrames: boolean;
  readonly webSecurity: boolean;
  readonly allowRunningInsecureContent: boolean;
  readonly webviewTag: boolean;
  readonly spellcheck: boolean;
}

export interface Bounds {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
}

export function mainWindowOptions(preload: string, bounds: Bounds, title = 'Tendero') {
  const webPreferences: WebPreferencesLike = {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
  return {
    ...bounds,
    minWidth: 1024,
    minHeight: 640,
    title,
    show: false,
    backgroundColor: '#f4f1ea',
    autoHideMenuBar: false,
    webPreferences,
  };
}

/** The Content-Security-Policy every page is served with. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'self' blob:",
  "frame-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** What window.ts needs from webContents to lock it down. */
export interface LockableContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * No navigation away from the app and no new windows, ever: a link that
 * would leave is refused (and reported), never opened inside the till.
 */
export function lockNavigation(
  contents: LockableContents,
  isTrustedUrl: (url: string) => boolean,
  onBlocked?: (url: string) => void,
): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isTrustedUrl(url)) {
      event.preventDefault();
      onBlocked?.(url);
    }
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.setWindowOpenHandler(({ url }) => {
    onBlocked?.(url);
    return { action: 'deny' };
  });
}

/** Keeps a remembered window on a visible screen, or falls back to a default size. */
export function restoreBounds(
  saved: Partial<Bounds> | undefined,
  screens: readonly { x: number; y: number; width: number; height: number }[],
): Bounds {
  const fallback = { width: 1366, height: 768 };
  if (!saved || typeof saved.width !== 'number' || typeof saved.height !== 'number')
    return fallback;
  const width = Math.max(1024, saved.width);
  const height = Math.max(640, saved.height);
  if (typeof saved.x !== 'number' || typeof saved.y !== 'number') return { width, height };
  const { x, y } = saved;
  const visible = screens.some(
    (s) => x + 100 > s.x && x < s.x + s.width - 100 && y >= s.y - 10 && y < s.y + s.height - 100,
  );
  return visible ? { x, y, width, height } : { width, height };
}
