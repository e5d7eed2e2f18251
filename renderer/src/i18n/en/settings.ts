import type { settings as es } from '../es/settings';

export const settings: typeof es = {};
