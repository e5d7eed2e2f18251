/**
 * The Electron main process: a thin shell. It opens the database in the
 * per-user data folder, serves the built UI on app://tendero, answers the
 * one IPC channel with the typed API, and looks after backups and logs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, dialog, ipcMain, protocol, shell } from 'electron';
import { DatabaseOpenError } from '../db/errors';
import { openDatabase, type TenderoDb } from '../db/open';
import { restoreDatabase } from '../db/restore';
import { restoreFailureText } from './restore-messages';
import { createApi, type Api, type Session } from './api';
import { assetReader } from './assets';
import {
  backupTo,
  closingBackup,
  dailyBackup,
  restoreWithSafetyCopy,
  storeTimeZoneOf,
} from './backups';
import { createInvokeHandler, INVOKE_CHANNEL, trustedUrlChecker } from './ipc';
import { createLogger, SLOW_CALL_MS, type Logger } from './logs';
import { installMenu } from './menu';
import { menuLabels } from './menu-labels';
import { backupPlaceOf } from '../db/backup-names';
import { DATABASE_FILE } from './paths';
import { printPdf } from './print';
import { devServerUrlFor } from './security';
import { storedLanguage } from './services/store';
import { startBackgroundSync, type BackgroundSync } from './sync-host';
import { createMainWindow } from './window';
import { CONTENT_SECURITY_POLICY } from './window-options';

// Tests and portable installs point the app at another data folder.
if (process.env.TENDERO_DATA_DIR) app.setPath('userData', process.env.TENDERO_DATA_DIR);

const devServerUrl = devServerUrlFor(process.env, app.isPackaged);
const root = app.isPackaged ? process.resourcesPath : resolve(__dirname, '..', '..');
const rendererDir = app.isPackaged
  ? join(app.getAppPath(), 'dist', 'renderer')
  : join(root, 'dist', 'renderer');
const migrationsFolder = join(root, app.isPackaged ? 'migrations' : join('db', 'migrations'));
const assetsDir = join(root, 'assets');
const isTrustedUrl = trustedUrlChecker(devServerUrl);

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wav': 'audio/wav',
  '.json': 'application/json',
};

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let window: BrowserWindow | null = null;
let db: TenderoDb | null = null;
let api: Api | null = null;
let log: Logger;
let backgroundSync: BackgroundSync | null = null;
const sessions = new Map<number, Session>();

function dataDir(): string {
  return app.getPath('userData');
}

/** The desktop app's database and the place of its automatic backups, beside it. */
function databaseFile(): string {
  return join(dataDir(), DATABASE_FILE);
}
const backupPlace = () => backupPlaceOf(databaseFile());

/**
 * Opens the database or explains, with the file's path, why it cannot: the
 * user may restore a backup, open the data folder, or quit. Never starts on a
 * half-open database.
 */
async function openWithRecovery(file: string): Promise<TenderoDb> {
  for (;;) {
    try {
      return openDatabase(file, { migrationsFolder, holder: 'desktop' });
    } catch (error) {
      if (!(error instanceof DatabaseOpenError)) throw error;
      log.log('error', `cannot open database (${error.kind})`, error);
      // The database (and with it the chosen language) is what failed: follow the system.
      const es = !app.getLocale().startsWith('en');
      const choice = await dialog.showMessageBox({
        type: 'error',
        title: 'Tendero',
        message: es ? 'No se puede abrir la base de datos' : 'The database cannot be opened',
        detail: `${error.message}\n\n${file}`,
        buttons: es
          ? ['Restaurar una copia…', 'Abrir carpeta de datos', 'Salir']
          : ['Restore a backup…', 'Open data folder', 'Quit'],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      });
      if (choice.response === 1) {
        await shell.openPath(dataDir());
        continue;
      }
      if (choice.response !== 0) {
        app.exit(1);
        throw error;
      }
      const picked = await dialog.showOpenDialog({
        defaultPath: backupPlace().folder,
        properties: ['openFile'],
        filters: [{ name: 'Tendero', extensions: ['sqlite'] }],
      });
      const from = picked.filePaths[0];
      if (picked.canceled || !from) continue;
      // An unreadable file is kept aside, never deleted; a readable one is copied first.
      try {
        const outcome = await restoreDatabase(from, file, {
          migrationsFolder,
          safetyCopy: join(
            backupPlace().folder,
            `${backupPlace().name}-antes-${Date.now()}.sqlite`,
          ),
        });
        log.log('info', `restored ${from}`, outcome);
      } catch (restoreError) {
        log.log('error', 'restore failed', restoreError);
        await dialog.showMessageBox({
          type: 'error',
          message: es ? 'No se pudo restaurar' : 'The restore failed',
          detail: restoreFailureText(restoreError, es ? 'es' : 'en'),
        });
      }
    }
  }
}

function makeApi(database: TenderoDb): Api {
  return createApi({
    db: database,
    readAsset: assetReader(assetsDir),
    systemPrint: (pdf, options) => printPdf(pdf, options),
    onCall: (call) => {
      if (call.ms > SLOW_CALL_MS)
        log.log('warn', `slow call ${call.channel}`, { ms: Math.round(call.ms) });
    },
    onError: (channel, error) => log.log('error', `${channel} failed`, error),
    onSuccess: (channel) => {
      backgroundSync?.after(channel);
      if (channel === 'cash.close' && db) {
        closingBackup(db.sqlite, backupPlace(), new Date()).catch((error: unknown) =>
          log.log('error', 'closing backup failed', error),
        );
      }
      if (channel === 'settings.update' || channel === 'setup.init' || channel === 'setup.demo')
        refreshMenu();
    },
  });
}

function currentLanguage(): string {
  try {
    return (db && storedLanguage({ db })) ?? (app.getLocale().startsWith('en') ? 'en' : 'es');
  } catch {
    return 'es';
  }
}

function refreshMenu(): void {
  installMenu(currentLanguage(), {
    backupNow: () => void backupNow(),
    restore: () => void restoreBackup(),
    openDataFolder: () => void shell.openPath(dataDir()),
    openLogs: () => void shell.openPath(log.file),
    about: () =>
      void dialog.showMessageBox({
        title: menuLabels(currentLanguage()).about,
        message: `Tendero ${app.getVersion()}`,
        detail: `Electron ${process.versions.electron} · Node ${process.versions.node}\n${dataDir()}`,
      }),
  });
}

async function backupNow(): Promise<void> {
  if (!db) return;
  const es = currentLanguage() !== 'en';
  const picked = await dialog.showOpenDialog({
    title: es
      ? 'Elige dónde guardar la copia (por ejemplo, una memoria USB)'
      : 'Choose where to save the backup (a USB stick, say)',
    properties: ['openDirectory', 'createDirectory'],
  });
  const folder = picked.filePaths[0];
  if (picked.canceled || !folder) return;
  try {
    const file = await backupTo(db.sqlite, folder, new Date());
    await dialog.showMessageBox({
      type: 'info',
      message: es ? 'Copia de seguridad lista' : 'Backup written',
      detail: file,
    });
  } catch (error) {
    log.log('error', 'backup now failed', error);
    await dialog.showMessageBox({
      type: 'error',
      message: es ? 'No se pudo escribir la copia' : 'The backup failed',
      detail: String((error as Error).message),
    });
  }
}

async function restoreBackup(): Promise<void> {
  if (!db) return;
  const es = currentLanguage() !== 'en';
  const picked = await dialog.showOpenDialog({
    defaultPath: backupPlace().folder,
    properties: ['openFile'],
    filters: [{ name: 'Tendero', extensions: ['sqlite'] }],
  });
  const from = picked.filePaths[0];
  if (picked.canceled || !from) return;
  const confirm = await dialog.showMessageBox({
    type: 'warning',
    message: es ? '¿Restaurar esta copia?' : 'Restore this backup?',
    detail: es
      ? `Los datos actuales se reemplazarán por los de:\n${from}\n\nAntes se guardará una copia de los datos actuales.`
      : `The current data will be replaced by:\n${from}\n\nA copy of the current data is kept first.`,
    buttons: es ? ['Restaurar', 'Cancelar'] : ['Restore', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
  });
  if (confirm.response !== 0) return;
  try {
    const restored = await restoreWithSafetyCopy(
      db,
      from,
      backupPlace(),
      new Date(),
      (file) => openDatabase(file, { migrationsFolder, holder: 'desktop' }),
      migrationsFolder,
    );
    db = restored.db;
    api = makeApi(db);
    sessions.clear();
    if (restored.error) throw restored.error;
    log.log('info', `restored ${from}; previous data kept as ${restored.safetyCopy}`);
    window?.webContents.reload();
  } catch (error) {
    log.log('error', 'restore failed', error);
    await dialog.showMessageBox({
      type: 'error',
      message: es ? 'No se pudo restaurar' : 'The restore failed',
      // The database is open here: the times it names are the store's.
      detail: restoreFailureText(
        error,
        es ? 'es' : 'en',
        db ? storeTimeZoneOf(db.sqlite) : undefined,
      ),
    });
  }
}

/** Serves the built renderer on app://tendero/ with the CSP; nothing outside its folder. */
function serveRenderer(): void {
  protocol.handle('app', async (request) => {
    const { pathname } = new URL(request.url);
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = resolve(rendererDir, relative || 'index.html');
    if (file !== rendererDir && !file.startsWith(rendererDir + sep))
      return new Response('Forbidden', { status: 403 });
    if (!existsSync(file)) file = join(rendererDir, 'index.html');
    return new Response(readFileSync(file), {
      headers: {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
      },
    });
  });
}

async function start(): Promise<void> {
  log = createLogger(join(dataDir(), 'logs'));
  log.log('info', `starting Tendero ${app.getVersion()} in ${dataDir()}`);
  db = await openWithRecovery(databaseFile());
  api = makeApi(db);
  // Asks for the database each round: a restore swaps it.
  backgroundSync = startBackgroundSync(
    () => db,
    (level, message, detail) => log.log(level, message, detail),
  );
  const handler = createInvokeHandler({
    api: { call: (channel, input, session) => api!.call(channel, input, session) },
    isTrustedUrl,
    sessionFor: (id) => {
      let session = sessions.get(id);
      if (!session) sessions.set(id, (session = { actor: null }));
      return session;
    },
    onRefused: (reason, url) => log.log('warn', `IPC refused: ${reason}`, { url }),
  });
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) =>
    handler(event, channel, input),
  );
  serveRenderer();
  refreshMenu();
  dailyBackup(db.sqlite, backupPlace(), new Date()).catch((error: unknown) =>
    log.log('error', 'daily backup failed', error),
  );

  window = createMainWindow({
    preload: join(__dirname, 'preload.cjs'),
    stateFile: join(dataDir(), 'window-state.json'),
    ...(devServerUrl ? { devServerUrl } : {}),
    isTrustedUrl,
    onBlocked: (url) => log.log('warn', 'blocked navigation', { url }),
  });
  window.webContents.on('destroyed', () => sessions.clear());
  window.on('closed', () => (window = null));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void backgroundSync?.stop();
    backgroundSync = null;
    // Checkpoint the WAL into the main file and close cleanly.
    db?.close();
    db = null;
  });
  app.whenReady().then(start, (error: unknown) => {
    log?.log('error', 'start-up failed', error);
    dialog.showErrorBox('Tendero', String((error as Error).stack ?? error));
    app.exit(1);
  });
}
