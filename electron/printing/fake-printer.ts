/**
 * A network thermal printer for tests: listens on 127.0.0.1, answers the
 * DLE EOT status queries like an Epson TM (or stays silent, or hangs up) and
 * keeps every byte it receives.
 */
import { createServer, type Server, type Socket } from 'node:net';

export type PrinterBehaviour =
  /** Answers status queries with `status` and reads the job. */
  | { readonly kind: 'ok'; readonly status?: readonly [number, number] }
  /** Accepts the connection and never answers nor reads. */
  | { readonly kind: 'silent' }
  /** Accepts the connection and closes it at once. */
  | { readonly kind: 'hangUp' };

export interface FakePrinter {
  readonly port: number;
  /** One buffer per connection, once it has ended. */
  readonly jobs: Buffer[];
  /** Resolves with the next finished job. */
  nextJob(): Promise<Buffer>;
  close(): Promise<void>;
}

/** Printer status, paper sensor: online with paper. */
export const ONLINE: readonly [number, number] = [0x16, 0x12];

export async function fakePrinter(
  behaviour: PrinterBehaviour = { kind: 'ok' },
): Promise<FakePrinter> {
  const jobs: Buffer[] = [];
  const waiting: ((job: Buffer) => void)[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (behaviour.kind === 'hangUp') return void socket.destroy();
    if (behaviour.kind === 'silent') return void socket.pause();
    const [status, paper] = behaviour.status ?? ONLINE;
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => {
      // DLE EOT n: n = 1 printer status, n = 4 paper sensor.
      for (let i = 0; i + 2 < chunk.length; i++) {
        if (chunk[i] === 0x10 && chunk[i + 1] === 0x04)
          socket.write(Uint8Array.of(chunk[i + 2] === 4 ? paper : status));
      }
      chunks.push(chunk);
    });
    socket.on('end', () => {
      const job = Buffer.concat(chunks);
      jobs.push(job);
      waiting.shift()?.(job);
      socket.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    jobs,
    nextJob: () => new Promise((resolve) => waiting.push(resolve)),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bound once, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
