import type { products as es } from '../es/products';

export const products: typeof es = {};
