/**
 * Text the API stores is printed on receipts and shown on screens: control
 * characters and bidi overrides in it would hide or reorder what a person reads.
 */
import { describe, expect, it } from 'vitest';
import { channels } from './channels';
import { controlCharacterIn, multilineText, requiredText, text } from './schemas';
import { validateInput } from './validate';

const FORBIDDEN: [string, string][] = [
  ['NUL', '\u0000'],
  ['BEL', '\u0007'],
  ['tab', '\t'],
  ['escape', '\u001B'],
  ['DEL', '\u007F'],
  ['C1 NEL', '\u0085'],
  ['C1 CSI', '\u009B'],
  ['right-to-left override', '\u202E'],
  ['left-to-right embedding', '\u202A'],
  ['pop directional', '\u202C'],
  ['first-strong isolate', '\u2068'],
  ['pop isolate', '\u2069'],
  ['left-to-right mark', '\u200E'],
  ['right-to-left mark', '\u200F'],
  ['arabic letter mark', '\u061C'],
  ['line separator', '\u2028'],
];

describe('text fields', () => {
  it.each(FORBIDDEN)('refuse a %s inside a name', (_label, character) => {
    for (const schema of [text(60), requiredText(60), multilineText(60)]) {
      const parsed = schema.safeParse(`Inca${character}Kola`);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]).toMatchObject({
        code: 'custom',
        params: { reason: 'CONTROL_CHARACTERS' },
      });
    }
  });

  it('refuse line breaks in one-line text but keep them in multi-line text', () => {
    expect(text(60).safeParse('Av. Lima 123\nPiso 2').success).toBe(false);
    expect(requiredText(60).safeParse('Ana\r\nMaría').success).toBe(false);
    expect(multilineText(60).safeParse('Gracias por su compra\r\nVuelva pronto').data).toBe(
      'Gracias por su compra\r\nVuelva pronto',
    );
  });

  it('keep accents, ñ, emoji, Arabic and Chinese letters, and trimmed edges', () => {
    for (const value of ['Ñandú café', 'Pan 🥖', 'متجر', '商店', 'Crème brûlée 50% off']) {
      expect(requiredText(60).safeParse(value).data).toBe(value);
    }
    // Edge whitespace, tabs and newlines included, is trimmed before the check.
    expect(requiredText(60).safeParse('\tAna\n').data).toBe('Ana');
  });

  it('name the character found, as U+ hex', () => {
    expect(controlCharacterIn('a\u202Eb')).toBe('U+202E');
    expect(controlCharacterIn('a\u0000b')).toBe('U+0000');
    expect(controlCharacterIn('a\nb')).toBe('U+000A');
    expect(controlCharacterIn('a\nb', true)).toBeUndefined();
    expect(controlCharacterIn('ok')).toBeUndefined();
  });
});

describe('validateInput with a control character', () => {
  it('answers VALIDATION with the reason, the field and the character', () => {
    const result = validateInput(channels['categories.create'].input, {
      name: 'Bebidas\u202Egnp',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.details).toMatchObject({
      reason: 'CONTROL_CHARACTERS',
      field: 'name',
      character: 'U+202E',
      issues: [{ path: 'name', code: 'custom', reason: 'CONTROL_CHARACTERS' }],
    });
    expect(result.error.message).toContain('name');
    expect(result.error.message).toContain('U+202E');
  });

  it('keeps the receipt footer multi-line but not its other settings', () => {
    const settings = channels['settings.update'].input;
    expect(validateInput(settings, { receiptFooter: 'Gracias\nVuelva pronto' }).ok).toBe(true);
    expect(validateInput(settings, { address: 'Av. Lima 123\nPiso 2' }).ok).toBe(false);
    expect(validateInput(settings, { receiptFooter: 'Gracias\u0000' }).ok).toBe(false);
  });
});

describe('payment rules the schema enforces', () => {
  const sale = (payments: unknown[]) => ({
    id: '00000000-0000-4000-8000-000000000001',
    lines: [{ productId: 1 }],
    payments,
  });
  const check = (payments: unknown[]) =>
    validateInput(channels['sales.create'].input, sale(payments));

  it('needs an amount except for CREDITO, and a bank for TRANSFERENCIA', () => {
    expect(check([{ method: 'CREDITO' }]).ok).toBe(true);
    expect(check([{ method: 'EFECTIVO', amount: 100 }]).ok).toBe(true);
    const noAmount = check([{ method: 'TARJETA' }]);
    expect(noAmount.ok).toBe(false);
    if (!noAmount.ok) {
      expect(noAmount.error.details).toMatchObject({ issues: [{ path: 'payments.0.amount' }] });
    }
    const noBank = check([{ method: 'TRANSFERENCIA', amount: 100 }]);
    expect(noBank.ok).toBe(false);
    if (!noBank.ok) {
      expect(noBank.error.details).toMatchObject({ issues: [{ path: 'payments.0.bank' }] });
    }
    expect(check([{ method: 'TRANSFERENCIA', amount: 100, bank: 'BCP' }]).ok).toBe(true);
  });
});
