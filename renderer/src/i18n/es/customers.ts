/** Clientes. */
export const customers = {
  new: 'Nuevo cliente',
  search: 'Buscar cliente',
  searchPlaceholder: 'Buscar por nombre o número de documento ({key})',
  none: 'Aún no hay clientes registrados.',
  capped: 'Se muestran los primeros {count}; busque para encontrar a los demás.',
  editOf: 'Editar a {name}',
  fields: {
    name: 'Nombre o razón social',
    document: 'Documento',
    documentType: 'Tipo de documento',
    documentNumber: 'Número de documento',
    phone: 'Teléfono',
    email: 'Correo electrónico',
    address: 'Dirección',
  },
  form: {
    newTitle: 'Nuevo cliente',
    editTitle: 'Editar cliente: {name}',
    noDocument: 'Sin documento',
    created: 'Cliente registrado: {name}',
    updated: 'Cliente guardado: {name}',
  },
  validation: {
    reasons: {
      INVALID_DOCUMENT_NUMBER: 'Número no válido: {hint}',
      INCOMPLETE_DOCUMENT: 'Indique el tipo y el número del documento.',
      UNKNOWN_DOCUMENT_TYPE: 'Ese tipo de documento no se usa en este país.',
      DUPLICATE_DOCUMENT: 'Ese documento ya está registrado para otro cliente.',
    },
  },
  /** The words of the country profiles' format hints (which are written in Spanish). */
  hintWords: {
    checkDigit: 'dígito de verificación',
    lettersDigitsHyphens: 'letras, dígitos o guiones',
    startsWith: 'empieza con',
    digits: 'dígitos',
    characters: 'caracteres',
    to: ' a ',
    either: ' u ',
    or: ' o ',
    and: ' y ',
    example: 'ej.',
  },
};
