/**
 * Which names the browser-mode host answers to. A page that a DNS-rebinding
 * attacker serves from `evil.example` reaches this host with `Host:
 * evil.example:PORT`; answering only the names and addresses the host really
 * serves keeps such a page from driving the till. The same list gives the URLs
 * to print: `0.0.0.0` cannot be opened, the machine's LAN addresses can.
 */
import { hostname as machineName, networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { isIP } from 'node:net';

export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** A Host header split into its name (IPv6 in brackets, lower case) and port. */
export interface HostName {
  readonly name: string;
  readonly port: number;
}

/** Parses `name[:port]` or `[v6][:port]`; undefined when it is not one. */
export function parseHostHeader(value: string | undefined): HostName | undefined {
  if (!value) return undefined;
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match) return undefined;
  const port = match[2] === undefined ? 80 : Number(match[2]);
  if (port < 1 || port > 65_535) return undefined;
  return { name: match[1]!.toLowerCase(), port };
}

const unbracket = (bind: string) => bind.toLowerCase().replace(/^\[|\]$/g, '');
const isAnyAddress = (bind: string) => bind === '0.0.0.0' || unbracket(bind) === '::';
const isLoopbackV4 = (name: string) => isIP(name) === 4 && name.startsWith('127.');
const bracket = (address: string) => (isIP(address) === 6 ? `[${address.toLowerCase()}]` : address);

/**
 * The names (as they appear in a Host header) that reach a host bound to
 * `bind`. Loopback names are always safe: an attacker's page cannot be served
 * from them. The machine's own name is safe for the same reason.
 */
export function servedNames(
  bind: string,
  interfaces: Interfaces = networkInterfaces(),
): Set<string> {
  const names = new Set<string>();
  const bound = unbracket(bind);
  if (isAnyAddress(bind)) {
    names.add('localhost').add('127.0.0.1');
    if (bound === '::') names.add('[::1]');
    for (const list of Object.values(interfaces)) {
      for (const info of list ?? []) {
        if (info.family === 'IPv4' || bound === '::') names.add(bracket(info.address));
      }
    }
    const machine = machineName().toLowerCase();
    if (machine) names.add(machine).add(`${machine}.local`);
    return names;
  }
  if (bound === 'localhost') return names.add('localhost').add('127.0.0.1').add('[::1]');
  names.add(bracket(bound));
  if (isLoopbackV4(bound) || bound === '::1') names.add('localhost');
  return names;
}

/** Whether a request's Host header names this host: a served name and the right port. */
export function isServedHost(
  host: HostName,
  bind: string,
  port: number,
  names: ReadonlySet<string>,
): boolean {
  if (host.port !== port) return false;
  if (names.has(host.name)) return true;
  // Bound to every address, the whole 127.0.0.0/8 block reaches this host.
  return isAnyAddress(bind) && isLoopbackV4(host.name);
}

/**
 * The URLs a person can open: the bound address itself, or for `0.0.0.0` this
 * computer's `localhost` and then each LAN address (for the other tills).
 */
export function openableUrls(
  bind: string,
  port: number,
  interfaces: Interfaces = networkInterfaces(),
): string[] {
  if (!isAnyAddress(bind)) return [`http://${bracket(unbracket(bind))}:${port}`];
  const urls = [`http://localhost:${port}`];
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) {
      if (info.internal) continue;
      // Link-local IPv6 needs a zone id that browsers do not take in a URL.
      if (info.family === 'IPv6' && (unbracket(bind) !== '::' || info.address.startsWith('fe80')))
        continue;
      urls.push(`http://${bracket(info.address)}:${port}`);
    }
  }
  return urls;
}
