import type { reports as es } from '../es/reports';

export const reports: typeof es = {};
