/**
 * The central server as a real process (`tsx server/main.ts`) on a PGlite
 * data folder, for fault tests that kill it and start it again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ServerProcess {
  readonly child: ChildProcess;
  /** The one-time code printed on the first start; null on a restart. */
  readonly code: string | null;
  exited(): Promise<NodeJS.Signals | number | null>;
}

/** Starts the server and resolves once it listens (and, on a first start, has printed its code). */
export function startServerProcess(
  port: number,
  dataDir: string,
  firstStart = false,
): Promise<ServerProcess> {
  // node itself, not the tsx wrapper: a signal must reach the server, not a parent of it.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', '--port', String(port), '--data', dataDir],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exit = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 90_000);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes('Tendero sync server on')) return;
      const match = /^\s+([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})$/m.exec(out);
      if (firstStart && !match) return;
      clearTimeout(timer);
      resolve({ child, code: match ? match[1]! : null, exited: () => exit });
    });
    void exit.then((how) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${how}): ${out}`));
    });
  });
}
