import type { cash as es } from '../es/cash';

export const cash: typeof es = {};
