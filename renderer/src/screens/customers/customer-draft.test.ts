import { describe, expect, it } from 'vitest';
import { customerInputOf, emptyCustomer } from './customer-draft';

describe('customer draft', () => {
  it('sends no document when no type is chosen', () => {
    expect(customerInputOf({ ...emptyCustomer(''), name: ' Ana ' })).toEqual({
      documentType: null,
      documentNumber: null,
      name: 'Ana',
      phone: '',
      email: '',
      address: '',
    });
  });

  it('sends a type with a missing number as such, so the API names the field', () => {
    expect(customerInputOf({ ...emptyCustomer('DNI'), name: 'Ana' })).toMatchObject({
      documentType: 'DNI',
      documentNumber: null,
    });
    expect(
      customerInputOf({ ...emptyCustomer('DNI'), documentNumber: ' 45871236 ', name: 'Ana' }),
    ).toMatchObject({ documentType: 'DNI', documentNumber: '45871236' });
  });
});
