/** The sync wire format, shared by the till's pusher and the central server. */
export * from './events';
export * from './wire';
