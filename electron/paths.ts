import { homedir } from 'node:os';
import { join } from 'node:path';

/** The product name Electron uses for app.getPath('userData') (package.json "productName"). */
export const APP_NAME = 'Tendero';
export const DATABASE_FILE = 'tendero.sqlite';

/**
 * The per-user data folder, computed the way Electron computes
 * app.getPath('userData'), so the CLI and the desktop app share one database.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/** TENDERO_DB wins over the default location. */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.TENDERO_DB ?? join(defaultDataDir(process.platform, env), DATABASE_FILE);
}
