import type { sales as es } from '../es/sales';

export const sales: typeof es = {};
