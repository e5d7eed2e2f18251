import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { area, channel, type InputOf, type OutputOf } from './channel';
import { CHANNEL_NAMES, channels, isChannelName } from './channels';
import { createClient, type ChannelOutput } from './client';
import { failure, ok, type Result } from './result';
import { quantity } from './schemas';
import { validateInput } from './validate';

describe('declaring channels', () => {
  const demo = area('demo', {
    echo: channel<{ said: string }>()({
      summary: 'Echoes',
      input: z.object({ text: z.string().min(1) }).strict(),
    }),
  });

  it('names every channel area.verb', () => {
    expect(Object.keys(demo)).toEqual(['demo.echo']);
    expectTypeOf<InputOf<(typeof demo)['demo.echo']>>().toEqualTypeOf<{ text: string }>();
    expectTypeOf<OutputOf<(typeof demo)['demo.echo']>>().toEqualTypeOf<{ said: string }>();
  });

  it('joins the areas into one map whose names all follow area.verb', () => {
    expect(CHANNEL_NAMES.length).toBeGreaterThan(0);
    for (const name of CHANNEL_NAMES) {
      expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
      expect(channels[name].summary.length).toBeGreaterThan(10);
    }
    expect(isChannelName('setup.init')).toBe(true);
    expect(isChannelName('setup.nope')).toBe(false);
    expect(isChannelName('toString')).toBe(false);
  });
});

describe('validateInput', () => {
  it('returns VALIDATION with every field path at fault', () => {
    const result = validateInput(channels['setup.init'].input, {
      country: 'XX',
      businessName: '',
      taxId: '20123456789',
      admin: { name: 'Ana', pin: '12' },
      registerCode: 'CAJA-1',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    const paths = (result.error.details?.issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['country', 'businessName', 'admin.pin']));
  });

  it('refuses unknown fields rather than ignoring them', () => {
    const result = validateInput(channels['setup.status'].input, { sneaky: true });
    expect(result.ok).toBe(false);
  });

  it('turns decimal quantities into thousandths at the boundary', () => {
    expect(validateInput(quantity, 1.25)).toEqual({ ok: true, value: 1250 });
    expect(validateInput(quantity, 0.1 + 0.2)).toEqual({ ok: true, value: 300 });
    expect(validateInput(quantity, 1.2345).ok).toBe(false);
    expect(validateInput(quantity, 0).ok).toBe(false);
    expect(validateInput(quantity, Number.NaN).ok).toBe(false);
  });
});

describe('the typed client', () => {
  it('sends the channel and input through its transport and types the reply', async () => {
    const calls: [string, unknown][] = [];
    const client = createClient(async (name, input) => {
      calls.push([name, input]);
      return ok({ initialized: false });
    });
    const reply = await client.call('setup.status', {});
    expectTypeOf(reply).toEqualTypeOf<Result<ChannelOutput<'setup.status'>>>();
    expect(reply).toEqual({ ok: true, value: { initialized: false } });
    expect(calls).toEqual([['setup.status', {}]]);
  });

  it('passes failures through untouched', async () => {
    const client = createClient(async () => failure('NOT_SET_UP', 'Run setup first'));
    expect(await client.call('setup.status', {})).toEqual({
      ok: false,
      error: { code: 'NOT_SET_UP', message: 'Run setup first' },
    });
  });
});
