import type { ChannelInput } from '../../../../core/api/client';
import type { Customer } from '../../../../core/api/model';

export interface CustomerDraft {
  /** '' for a customer without a document. */
  readonly documentType: string;
  readonly documentNumber: string;
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  readonly address: string;
}

export function emptyCustomer(documentType = ''): CustomerDraft {
  return { documentType, documentNumber: '', name: '', phone: '', email: '', address: '' };
}

export function draftOfCustomer(customer: Customer): CustomerDraft {
  return {
    documentType: customer.documentType ?? '',
    documentNumber: customer.documentNumber ?? '',
    name: customer.name,
    phone: customer.phone,
    email: customer.email,
    address: customer.address,
  };
}

/**
 * The draft as the API takes it: no document type means no document; a type
 * with an empty number is sent as such, so the main process names the field.
 */
export function customerInputOf(draft: CustomerDraft): ChannelInput<'customers.create'> {
  const hasType = draft.documentType !== '';
  const number = draft.documentNumber.trim();
  return {
    documentType: hasType ? draft.documentType : null,
    documentNumber: hasType || number !== '' ? number || null : null,
    name: draft.name.trim(),
    phone: draft.phone.trim(),
    email: draft.email.trim(),
    address: draft.address.trim(),
  };
}
