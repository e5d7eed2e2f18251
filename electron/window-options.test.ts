import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { trustedUrlChecker } from './ipc';
import {
  CONTENT_SECURITY_POLICY,
  lockNavigation,
  mainWindowOptions,
  restoreBounds,
} from './window-options';

describe('main window options', () => {
  it('isolates the renderer: context isolation, sandbox, no Node', () => {
    const { webPreferences } = mainWindowOptions('/app/preload.cjs', { width: 1366, height: 768 });
    expect(webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it("serves pages with a CSP that allows only the app's own scripts", () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*(unsafe-eval|unsafe-inline|http)/);
  });
});

class FakeContents extends EventEmitter {
  openHandler?: (details: { url: string }) => { action: 'deny' };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
    this.openHandler = handler;
  }
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

describe('navigation lock', () => {
  it('denies navigation away from the app and every new window', () => {
    const contents = new FakeContents();
    const blocked: string[] = [];
    lockNavigation(contents, trustedUrlChecker(), (url) => blocked.push(url));
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(contents.navigate('will-navigate', 'app://tendero/index.html#/sales')).toBe(false);
    expect(contents.openHandler?.({ url: 'app://tendero/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(blocked).toEqual([
      'https://evil.example/',
      'http://127.0.0.1:9/',
      'app://tendero/index.html',
      'https://example.com',
    ]);
  });
});

describe('remembered window bounds', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  it('restores a window that is still on a screen', () => {
    expect(restoreBounds({ x: 100, y: 50, width: 1400, height: 900 }, screen)).toEqual({
      x: 100,
      y: 50,
      width: 1400,
      height: 900,
    });
  });
  it('drops a position that is off every screen, and tiny sizes', () => {
    expect(restoreBounds({ x: 5000, y: 50, width: 1400, height: 900 }, screen)).toEqual({
      width: 1400,
      height: 900,
    });
    expect(restoreBounds({ x: 0, y: 0, width: 10, height: 10 }, screen)).toEqual({
      x: 0,
      y: 0,
      width: 1024,
      height: 640,
    });
    expect(restoreBounds(undefined, screen)).toEqual({ width: 1366, height: 768 });
  });
});
