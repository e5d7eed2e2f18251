import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  PRINT_WEB_PREFERENCES,
  denyAllPermissions,
  devServerUrlFor,
  lockPrintWindow,
  type NavigableContents,
  type PermissionSession,
} from './security';

describe('the dev server', () => {
  it('is ignored in a packaged build', () => {
    const env = { TENDERO_DEV_SERVER: 'http://localhost:5173' };
    expect(devServerUrlFor(env, false)).toBe('http://localhost:5173');
    expect(devServerUrlFor(env, true)).toBeUndefined();
  });

  it('is only a local http address', () => {
    for (const url of [
      'https://evil.example',
      'http://10.0.0.5:5173',
      'file:///etc/passwd',
      'nonsense',
    ])
      expect(devServerUrlFor({ TENDERO_DEV_SERVER: url }, false)).toBeUndefined();
    expect(devServerUrlFor({}, false)).toBeUndefined();
  });
});

describe('permissions', () => {
  it('are denied, whether a page checks or asks', () => {
    let check: (() => boolean) | undefined;
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | undefined;
    denyAllPermissions({
      setPermissionCheckHandler: (h) => (check = h),
      setPermissionRequestHandler: (h) => (request = h),
    });
    expect(check?.()).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      let granted: boolean | undefined;
      request?.(undefined, permission, (g) => (granted = g));
      expect(granted).toBe(false);
    }
  });
});

describe('the hidden print window', () => {
  const pdf = 'file:///tmp/tendero-print-1.pdf';
  function contents() {
    const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let open: ((d: { url: string }) => { action: 'deny' }) | undefined;
    const fake: NavigableContents = {
      on: (event, listener) => listeners.set(event, listener),
      setWindowOpenHandler: (h) => (open = h),
    };
    lockPrintWindow(fake, pdf);
    const blocked = (event: string, url: string) => {
      let prevented = false;
      listeners.get(event)!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    return { blocked, open: (url: string) => open!({ url }) };
  }

  it('cannot navigate, redirect or load a frame anywhere but its PDF', () => {
    const window = contents();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(window.blocked(event, 'https://evil.example/phish')).toBe(true);
      expect(window.blocked(event, 'file:///etc/passwd')).toBe(true);
      expect(window.blocked(event, pdf)).toBe(false);
    }
    expect(window.open('https://evil.example')).toEqual({ action: 'deny' });
  });

  it('runs the PDF plugin and nothing else', () => {
    expect(PRINT_WEB_PREFERENCES).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('Electron fuses in the packaging config', () => {
  const config = parse(readFileSync('electron-builder.yml', 'utf8')) as {
    electronFuses?: Record<string, boolean>;
  };

  it('are set: no run-as-node, NODE_OPTIONS or inspect; encrypted cookies; asar only and checked', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it("uses the keys electron-builder's own schema defines", () => {
    const scheme = JSON.parse(readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    for (const key of Object.keys(config.electronFuses ?? {})) expect(known).toContain(key);
  });
});
