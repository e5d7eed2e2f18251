import type { till as es } from '../es/till';

export const till: typeof es = {};
