import type { customers as es } from '../es/customers';

export const customers: typeof es = {
  new: 'New customer',
  search: 'Search customers',
  searchPlaceholder: 'Search by name or document number ({key})',
  none: 'No customers registered yet.',
  capped: 'Showing the first {count}; search to find the others.',
  editOf: 'Edit {name}',
  fields: {
    name: 'Name or company name',
    document: 'Document',
    documentType: 'Document type',
    documentNumber: 'Document number',
    phone: 'Phone',
    email: 'Email',
    address: 'Address',
  },
  form: {
    newTitle: 'New customer',
    editTitle: 'Edit customer: {name}',
    noDocument: 'No document',
    created: 'Customer registered: {name}',
    updated: 'Customer saved: {name}',
  },
  validation: {
    reasons: {
      INVALID_DOCUMENT_NUMBER: 'Invalid number: {hint}',
      INCOMPLETE_DOCUMENT: 'Give both the type and the number of the document.',
      UNKNOWN_DOCUMENT_TYPE: 'That document type is not used in this country.',
      DUPLICATE_DOCUMENT: 'That document is already registered to another customer.',
    },
  },
  hintWords: {
    checkDigit: 'check digit',
    lettersDigitsHyphens: 'letters, digits or hyphens',
    startsWith: 'starts with',
    digits: 'digits',
    characters: 'characters',
    to: ' to ',
    either: ' or ',
    or: ' or ',
    and: ' and ',
    example: 'e.g.',
  },
};
