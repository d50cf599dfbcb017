export * from './ops';
export * from './http-server';
export * from './shutdown';
export * from './main-runner';
export * from './service-process';
export * from './wait-ready';
export * from './connection-log';
export * from './coalescer';
