/**
 * Security rules for the desktop shell that need no Electron import, so plain
 * Node tests can check them: the dev server only in development, no web
 * permission for any page, and a print window that can go nowhere.
 */

/** The Vite dev server to load, only in an unpackaged build and only on this machine. */
export function devServerUrlFor(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
): string | undefined {
  const url = env.TENDERO_DEV_SERVER;
  // An installed till must load only its own files, whatever the environment says.
  if (isPackaged || !url) return undefined;
  try {
    const { protocol, hostname } = new URL(url);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
    return protocol === 'http:' && local ? url : undefined;
  } catch {
    return undefined;
  }
}

export interface PermissionSession {
  setPermissionCheckHandler(handler: () => boolean): void;
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
}

/** A till needs no camera, microphone, notifications, geolocation or anything else a page may ask. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionCheckHandler(() => false);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

/** Chromium's built-in PDF viewer, which draws the document in the print window. */
const PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';

export interface NavigableContents {
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void; url?: string }, url?: string) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Whether the hidden print window may show `url`: only the PDF it was given, in the viewer. */
export function isPrintableUrl(url: string, pdfUrl: string): boolean {
  return url === pdfUrl || url.startsWith(PDF_VIEWER);
}

/**
 * The hidden print window shows one local PDF. A link in that PDF, a redirect
 * or a frame cannot take it anywhere else, and it opens no windows.
 */
export function lockPrintWindow(contents: NavigableContents, pdfUrl: string): void {
  const guard = (event: { preventDefault(): void; url?: string }, url?: string) => {
    if (!isPrintableUrl(url ?? event.url ?? '', pdfUrl)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The print window's settings: the PDF plugin and nothing else, no remote content. */
export const PRINT_WEB_PREFERENCES = {
  plugins: true,
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;
