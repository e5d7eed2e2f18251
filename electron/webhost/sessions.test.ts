import { describe, expect, it } from 'vitest';
import { SessionTable } from './sessions';

describe('SessionTable', () => {
  it('a passive read (the header polling sync.status) does not keep a session alive', () => {
    let now = 0;
    const table = new SessionTable({ anonymousIdleMs: 1_000, now: () => now });
    const id = table.create();
    now = 900;
    expect(table.get(id, false)).toBeDefined();
    now = 1_500;
    // Idle since 0: the poll at 900 did not count as use.
    expect(table.get(id, false)).toBeUndefined();
    expect(table.get(id)).toBeUndefined();
  });

  it('a real call does', () => {
    let now = 0;
    const table = new SessionTable({ anonymousIdleMs: 1_000, now: () => now });
    const id = table.create();
    now = 900;
    expect(table.get(id)).toBeDefined();
    now = 1_500;
    expect(table.get(id)).toBeDefined();
  });
});
