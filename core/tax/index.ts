export * from './document';
export * from './dual-currency';
export * from './igtf';
export * from './split';
export * from './types';
