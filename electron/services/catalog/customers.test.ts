import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;

beforeEach(async () => {
  till = await setUpTill('PE');
});
afterEach(() => till.close());

function count(where = '1 = 1'): number {
  return till.db.sqlite
    .prepare(`SELECT COUNT(*) FROM customers WHERE ${where}`)
    .pluck()
    .get() as number;
}

async function customer(name: string, documentType?: string, documentNumber?: string) {
  return till.call('customers.create', {
    name,
    ...(documentType ? { documentType, documentNumber } : {}),
  } as never);
}

async function names(text: string, limit?: number): Promise<string[]> {
  const found = await till.call('customers.search', { text, ...(limit ? { limit } : {}) });
  return found.map((c) => c.name);
}

describe('customers.create and customers.get', () => {
  it('stores a customer with defaults and reads it back', async () => {
    const created = await till.call('customers.create', { name: '  Juan Pérez ' });
    expect(created).toEqual({
      id: created.id,
      documentType: null,
      documentNumber: null,
      name: 'Juan Pérez',
      phone: '',
      email: '',
      address: '',
      createdAt: '2026-03-06T15:30:00.000Z',
    });
    expect(await till.call('customers.get', { id: created.id })).toEqual(created);
    expect((await till.fail('customers.get', { id: 404 })).code).toBe('NOT_FOUND');
    const audit = till.db.sqlite
      .prepare("SELECT entity_id FROM audit_log WHERE action = 'customers.create'")
      .pluck()
      .get();
    expect(audit).toBe(String(created.id));
  });

  it('checks Peruvian documents: DNI 8 digits, RUC 11', async () => {
    const dni = await customer('Rosa Quispe', 'DNI', '45678912');
    expect(dni).toMatchObject({ documentType: 'DNI', documentNumber: '45678912' });
    const ruc = await customer('Bodega SAC', 'RUC', '20123456789');
    expect(ruc).toMatchObject({ documentType: 'RUC', documentNumber: '20123456789' });
    const passport = await customer('John Smith', 'PASAPORTE', 'ab12345');
    expect(passport.documentNumber).toBe('AB12345');

    for (const [type, number] of [
      ['DNI', '1234567'],
      ['DNI', '123456789'],
      ['DNI', '1234567A'],
      ['RUC', '2012345678'],
      ['RUC', '30123456789'],
    ] as const) {
      const error = await till.fail('customers.create', {
        name: 'X',
        documentType: type,
        documentNumber: number,
      });
      expect(error, `${type} ${number}`).toMatchObject({
        code: 'VALIDATION',
        details: { reason: 'INVALID_DOCUMENT_NUMBER', path: ['documentNumber'] },
      });
    }
    const unknown = await till.fail('customers.create', {
      name: 'X',
      documentType: 'CUIT',
      documentNumber: '20123456789',
    });
    expect(unknown.details).toMatchObject({ reason: 'UNKNOWN_DOCUMENT_TYPE' });
    const half = await till.fail('customers.create', { name: 'X', documentNumber: '45678912' });
    expect(half.details).toMatchObject({ reason: 'INCOMPLETE_DOCUMENT' });
    expect(count()).toBe(3);
  });

  it('refuses a document already registered with CONFLICT', async () => {
    const first = await customer('Rosa Quispe', 'DNI', '45678912');
    const error = await till.fail('customers.create', {
      name: 'Otra Rosa',
      documentType: 'DNI',
      documentNumber: ' 45678912 ',
    });
    expect(error).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'DUPLICATE_DOCUMENT', customerId: first.id },
    });
    // The same number under another type is another document.
    await customer('Extranjera', 'CE', '45678912');
    // Customers without a document may share a name.
    await customer('Cliente varios');
    await customer('Cliente varios');
    expect(count()).toBe(4);
  });
});

describe('customers.update', () => {
  it('changes the given fields, keeps the rest, and audits', async () => {
    const c = await customer('Rosa Quispe', 'DNI', '45678912');
    till.clock.advance(1000);
    const updated = await till.call('customers.update', {
      id: c.id,
      phone: '987654321',
      email: 'rosa@example.pe',
    });
    expect(updated).toMatchObject({
      name: 'Rosa Quispe',
      documentType: 'DNI',
      documentNumber: '45678912',
      phone: '987654321',
      email: 'rosa@example.pe',
    });
    const row = till.db.sqlite
      .prepare('SELECT phone, updated_at FROM customers WHERE id = ?')
      .get(c.id);
    expect(row).toEqual({ phone: '987654321', updated_at: '2026-03-06T15:30:01.000Z' });
    const audit = till.db.sqlite
      .prepare("SELECT before, after FROM audit_log WHERE action = 'customers.update'")
      .get() as { before: string; after: string };
    expect(JSON.parse(audit.before)).toMatchObject({ phone: '' });
    expect(JSON.parse(audit.after)).toMatchObject({ phone: '987654321' });
  });

  it('validates a changed document and refuses one another customer holds', async () => {
    const rosa = await customer('Rosa Quispe', 'DNI', '45678912');
    const luis = await customer('Luis Huamán', 'DNI', '11223344');
    const taken = await till.fail('customers.update', { id: luis.id, documentNumber: '45678912' });
    expect(taken).toMatchObject({ code: 'CONFLICT', details: { customerId: rosa.id } });
    const bad = await till.fail('customers.update', { id: luis.id, documentType: 'RUC' });
    expect(bad).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'INVALID_DOCUMENT_NUMBER' },
    });
    const same = await till.call('customers.update', { id: rosa.id, documentNumber: '45678912' });
    expect(same.documentNumber).toBe('45678912');
    const cleared = await till.call('customers.update', {
      id: luis.id,
      documentType: null,
      documentNumber: null,
    });
    expect(cleared).toMatchObject({ documentType: null, documentNumber: null });
    expect((await till.call('customers.get', { id: luis.id })).documentNumber).toBeNull();
    expect((await till.fail('customers.update', { id: 999, name: 'X' })).code).toBe('NOT_FOUND');
  });
});

describe('customers.search', () => {
  it('finds names containing the text, any ASCII case, and documents by prefix', async () => {
    await customer('Rosa Quispe', 'DNI', '45678912');
    await customer('Luis Huamán', 'RUC', '20123456789');
    await customer('Marisa Rosales');
    expect(await names('rosa')).toEqual(['Marisa Rosales', 'Rosa Quispe']);
    expect(await names('QUISPE')).toEqual(['Rosa Quispe']);
    expect(await names('4567')).toEqual(['Rosa Quispe']);
    expect(await names('5678')).toEqual([]); // documents match from their start
    expect(await names('2012')).toEqual(['Luis Huamán']);
    expect(await names('')).toEqual(['Luis Huamán', 'Marisa Rosales', 'Rosa Quispe']);
    expect(await names('', 2)).toEqual(['Luis Huamán', 'Marisa Rosales']);
  });

  it('matches % and _ literally', async () => {
    await customer('Bodega 100% Natural');
    await customer('Bodega 1000 Sabores');
    await customer('Tienda A_B');
    await customer('Tienda AXB');
    await customer('Ruta \\ Norte');
    expect(await names('100%')).toEqual(['Bodega 100% Natural']);
    expect(await names('%')).toEqual(['Bodega 100% Natural']);
    expect(await names('A_B')).toEqual(['Tienda A_B']);
    expect(await names('_')).toEqual(['Tienda A_B']);
    expect(await names('\\')).toEqual(['Ruta \\ Norte']);
  });

  it('matches a document typed with % or _ literally too', async () => {
    await customer('Rosa Quispe', 'DNI', '45678912');
    expect(await names('4%')).toEqual([]);
    expect(await names('4_678')).toEqual([]);
  });

  it('lets a cashier register and find customers', async () => {
    await till.call('users.create', { name: 'Caro', role: 'cashier', pin: '5678' });
    await till.as('Caro', '5678');
    const c = await customer('Cliente de Caro', 'DNI', '87654321');
    expect(await names('caro')).toEqual(['Cliente de Caro']);
    expect((await till.call('customers.update', { id: c.id, phone: '1' })).phone).toBe('1');
  });
});

describe('customers.search folds case and accents', () => {
  it('finds Pérez as perez and ÁNGEL as angel, and documents by prefix', async () => {
    const till = await setUpTill('PE');
    try {
      await till.call('customers.create', {
        name: 'Juan Pérez',
        documentType: 'DNI',
        documentNumber: '45871236',
      } as never);
      await till.call('customers.create', {
        name: 'Ángel Ñahui',
        documentType: null,
        documentNumber: null,
      } as never);
      const names = async (text: string) =>
        (await till.call('customers.search', { text, limit: 20 })).map((c) => c.name);
      expect(await names('perez')).toEqual(['Juan Pérez']);
      expect(await names('PÉREZ')).toEqual(['Juan Pérez']);
      expect(await names('angel')).toEqual(['Ángel Ñahui']);
      expect(await names('ñahui')).toEqual(['Ángel Ñahui']);
      expect(await names('4587')).toEqual(['Juan Pérez']);
      expect(await names('8712')).toEqual([]);
    } finally {
      till.close();
    }
  });
});
