/**
 * Exact bytes to a host over a raw TCP socket, for requests that fetch would
 * refuse to send (malformed request lines, paths and headers). Loopback only.
 */
import { connect } from 'node:net';

export interface RawAnswer {
  /** The status code of the first response, or 0 when the host sent nothing. */
  readonly status: number;
  readonly text: string;
}

/** Sends `bytes`, reads until the host closes the connection or `timeoutMs` passes. */
export function rawRequest(
  port: number,
  bytes: string | Buffer,
  options: { host?: string; timeoutMs?: number; endAfterWrite?: boolean } = {},
): Promise<RawAnswer> {
  return new Promise((done) => {
    const socket = connect({ host: options.host ?? '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      done({ status: status ? Number(status[1]) : 0, text });
    };
    const timer = setTimeout(finish, options.timeoutMs ?? 2_000);
    socket.on('connect', () => {
      // Half-closing says "that is all": the host need not wait for more.
      if (options.endAfterWrite) socket.end(bytes);
      else socket.write(bytes);
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', finish);
  });
}

/** A GET with the given raw request target and headers, closing after the answer. */
export function rawGet(port: number, target: string, headers: Record<string, string> = {}) {
  const lines = Object.entries({ host: `127.0.0.1:${port}`, connection: 'close', ...headers }).map(
    ([name, value]) => `${name}: ${value}`,
  );
  return rawRequest(port, `GET ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
}
