export * from './channel';
export * from './channels';
export * from './client';
export * from './result';
export * from './schemas';
export * from './setup';
export * from './validate';
