import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNEL_NAMES, channels } from '../core/api/channels';
import { renderApiDocs } from './api-docs';

describe('docs/API.md', () => {
  it('is generated from the current schemas (run `npm run docs:api` if this fails)', () => {
    const committed = readFileSync(new URL('../docs/API.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderApiDocs());
  });

  it('documents every channel', () => {
    const docs = renderApiDocs();
    for (const name of CHANNEL_NAMES) expect(docs).toContain(`### \`${name}\``);
  });

  it('states the rules zod checks beyond types: payments, transfers, voids by a cashier', () => {
    const docs = renderApiDocs();
    const section = (name: string) => docs.split(`### \`${name}\``)[1]!.split('\n### ')[0]!;
    const create = section('sales.create');
    expect(create).toMatch(/`payments\[\]\.amount`[^\n]*Required unless `method` is `CREDITO`/);
    expect(create).toMatch(/`payments\[\]\.bank`[^\n]*Required when `method` is `TRANSFERENCIA`/);
    expect(create).toContain('IDEMPOTENCY_MISMATCH');
    const voiding = section('sales.void');
    expect(voiding).toMatch(/a cashier must send `authorizedBy` naming a supervisor/);
    expect(voiding).toMatch(/`authorizedBy`[^\n]*Required when the acting user is a cashier/);
    expect(docs).toContain('CONTROL_CHARACTERS');
  });

  it('gives every channel a JSON schema, as `pos channels --json` prints it', () => {
    for (const name of CHANNEL_NAMES) {
      const schema = z.toJSONSchema(channels[name].input, { io: 'input', unrepresentable: 'any' });
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    }
    const payment = z.toJSONSchema(channels['sales.create'].input, {
      io: 'input',
      unrepresentable: 'any',
    }) as unknown as {
      properties: { payments: { items: { properties: Record<string, unknown> } } };
    };
    expect(payment.properties.payments.items.properties.amount).toMatchObject({
      description: expect.stringContaining('CREDITO'),
    });
  });
});
