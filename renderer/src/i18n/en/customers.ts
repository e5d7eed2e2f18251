import type { customers as es } from '../es/customers';

export const customers: typeof es = {};
