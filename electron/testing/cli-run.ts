/**
 * Runs `pos …` the way a user does: a child process through tsx on the real
 * CLI, with the TENDERO_* variables cleared so the caller's environment never
 * picks the database or the user. stdout is parsed as the CLI's one JSON line.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /**
   * The parsed JSON line, or undefined when stdout is not JSON. Typed loosely
   * on purpose: tests read into it freely and their assertions check it.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly json: any;
}

export interface CliOptions {
  readonly cwd?: string;
  /** Typed on stdin (a PIN prompt, a confirmation). */
  readonly input?: string;
  readonly env?: Record<string, string>;
}

export function runPos(args: readonly string[], options: CliOptions = {}): CliRun {
  const run = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, TENDERO_DB: '', TENDERO_USER: '', TENDERO_PIN: '', ...options.env },
  });
  let json: unknown;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    json = undefined;
  }
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, json };
}

/** `pos init` for the Lima bodega most CLI tests start from (admin Ana, PIN 1234). */
export const INIT_BODEGA_ANA: readonly string[] = [
  'init',
  '--country',
  'PE',
  '--business',
  'Bodega Ana',
  '--tax-id',
  '20123456789',
  '--admin',
  'Ana',
  '--pin',
  '1234',
  '--register',
  'CAJA1',
];

export const ADMIN_ANA: readonly string[] = ['--user', 'Ana', '--pin', '1234'];
