/**
 * Sends a job to a network thermal printer: raw TCP, usually port 9100.
 *
 * Before the job the printer is asked for its status with DLE EOT (real-time
 * status transmission, answered even mid-job): an answer proves something is
 * reading at the other end, and says whether it is offline or out of paper.
 * Every step has a deadline, so an unplugged or hung printer costs the
 * cashier a few seconds and a clear PRINTER_UNAVAILABLE, never a frozen till.
 */
import { Socket } from 'node:net';
import { DomainError } from '../../core/errors';

export interface PrinterAddress {
  readonly host: string;
  readonly port: number;
}

export interface SendOptions {
  /** For connecting, for the status answer and for handing over the job (default 3 s). */
  readonly timeoutMs?: number;
  /** Printers without DLE EOT support would never answer it; they skip the check. */
  readonly statusCheck?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 3000;

/** DLE EOT 1 (printer status) then DLE EOT 4 (roll paper sensor). */
const STATUS_QUERY = Uint8Array.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x04]);
const OFFLINE = 0x08;
const PAPER_END = 0x60;

function unavailable(printer: string, reason: string, what: string): DomainError {
  return new DomainError(
    'PRINTER_UNAVAILABLE',
    `Printer ${printer} ${what}. The sale is stored: check the printer and reprint it.`,
    { reason, printer },
  );
}

function describe(printer: string, error: NodeJS.ErrnoException): DomainError {
  switch (error.code) {
    case 'ECONNREFUSED':
      return unavailable(
        printer,
        'REFUSED',
        'refused the connection (is it on and is the port right?)',
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
      return unavailable(printer, 'UNREACHABLE', 'cannot be reached on the network');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return unavailable(printer, 'UNKNOWN_HOST', 'has a host name that does not resolve');
    case 'ECONNRESET':
    case 'EPIPE':
      return unavailable(printer, 'CLOSED', 'closed the connection');
    default:
      return unavailable(printer, 'ERROR', `failed (${error.code ?? error.message})`);
  }
}

/**
 * Connects, checks the status, writes the job and closes. Resolves once the
 * job is handed to the network; rejects with PRINTER_UNAVAILABLE otherwise.
 */
export function sendToPrinter(
  address: PrinterAddress,
  job: Uint8Array,
  options: SendOptions = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const statusCheck = options.statusCheck ?? true;
  const printer = `${address.host}:${address.port}`;
  const seconds = `${(timeoutMs / 1000).toLocaleString('en-US')} s`;

  return new Promise<void>((resolve, reject) => {
    const socket = new Socket();
    let stage: 'connecting' | 'status' | 'sending' | 'closing' | 'done' = 'connecting';
    let status: number[] = [];
    let timer: NodeJS.Timeout | undefined;

    const finish = (error?: DomainError) => {
      if (stage === 'done') return;
      stage = 'done';
      clearTimeout(timer);
      socket.removeAllListeners('data');
      if (error) {
        socket.destroy();
        reject(error);
      } else {
        resolve();
      }
    };
    const deadline = (what: string, reason: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(unavailable(printer, reason, what)), timeoutMs);
    };

    const send = () => {
      stage = 'sending';
      deadline(`did not take the job within ${seconds}`, 'TIMEOUT');
      socket.write(job, (error) => {
        if (error) return finish(describe(printer, error as NodeJS.ErrnoException));
        stage = 'closing';
        // FIN after the job; the printer closes its side when it has read everything.
        // It may never do so: the job is already handed over, so a short wait is enough.
        clearTimeout(timer);
        timer = setTimeout(() => {
          socket.destroy();
          finish();
        }, 1000);
        socket.end(() => undefined);
      });
    };

    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (stage === 'closing') return finish();
      finish(describe(printer, error));
    });
    socket.on('close', () => {
      if (stage === 'closing') return finish();
      finish(unavailable(printer, 'CLOSED', 'closed the connection before printing'));
    });
    socket.on('data', (chunk: Buffer) => {
      if (stage !== 'status') return;
      status = [...status, ...chunk];
      if (status.length < 2) return;
      const [printerStatus = 0, paper = 0] = status;
      if (paper & PAPER_END) return finish(unavailable(printer, 'PAPER_OUT', 'is out of paper'));
      if (printerStatus & OFFLINE)
        return finish(unavailable(printer, 'OFFLINE', 'is offline (cover open or in error)'));
      send();
    });

    deadline(`did not accept a connection within ${seconds}`, 'TIMEOUT');
    socket.connect({ host: address.host, port: address.port }, () => {
      socket.setNoDelay(true);
      if (!statusCheck) return send();
      stage = 'status';
      deadline(`accepted the connection but did not answer within ${seconds}`, 'TIMEOUT');
      socket.write(STATUS_QUERY);
    });
  });
}
