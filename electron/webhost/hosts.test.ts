import { describe, expect, it } from 'vitest';
import { isServedHost, openableUrls, parseHostHeader, servedNames, type Interfaces } from './hosts';

const shop: Interfaces = {
  lo: [
    { address: '127.0.0.1', family: 'IPv4', internal: true } as never,
    { address: '::1', family: 'IPv6', internal: true } as never,
  ],
  wlan0: [
    { address: '192.168.1.10', family: 'IPv4', internal: false } as never,
    { address: 'fe80::1', family: 'IPv6', internal: false } as never,
  ],
};

describe('hosts', () => {
  it('parses Host headers and refuses what is not one', () => {
    expect(parseHostHeader('LocalHost:5757')).toEqual({ name: 'localhost', port: 5757 });
    expect(parseHostHeader('[::1]:5757')).toEqual({ name: '[::1]', port: 5757 });
    expect(parseHostHeader('caja')).toEqual({ name: 'caja', port: 80 });
    for (const bad of [undefined, '', 'a b', 'x:99999', 'x:0', 'evil/x', '[::1', 'x:1:2']) {
      expect(parseHostHeader(bad), String(bad)).toBeUndefined();
    }
  });

  it('bound to 0.0.0.0: serves loopback names and the LAN address, on its port only', () => {
    const names = servedNames('0.0.0.0', shop);
    const served = (value: string) => isServedHost(parseHostHeader(value)!, '0.0.0.0', 5757, names);
    for (const ok of ['localhost:5757', '127.0.0.1:5757', '127.0.0.2:5757', '192.168.1.10:5757']) {
      expect(served(ok), ok).toBe(true);
    }
    for (const no of ['evil.example:5757', '192.168.1.10:80', '192.168.1.11:5757', '[::1]:5757']) {
      expect(served(no), no).toBe(false);
    }
  });

  it('bound to loopback: serves only loopback names', () => {
    const names = servedNames('127.0.0.1', shop);
    expect([...names].sort()).toEqual(['127.0.0.1', 'localhost']);
    expect(isServedHost({ name: '127.0.0.2', port: 1 }, '127.0.0.1', 1, names)).toBe(false);
  });

  it('prints openable URLs, never 0.0.0.0', () => {
    expect(openableUrls('0.0.0.0', 5757, shop)).toEqual([
      'http://localhost:5757',
      'http://192.168.1.10:5757',
    ]);
    expect(openableUrls('127.0.0.1', 5757, shop)).toEqual(['http://127.0.0.1:5757']);
    expect(openableUrls('::', 5757, shop)).toEqual([
      'http://localhost:5757',
      'http://192.168.1.10:5757',
    ]);
  });
});
