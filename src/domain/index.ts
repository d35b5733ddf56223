export * from './source';
export * from './agent';
export * from './queue';
export * from './connection';
export * from './events';
export * from './derive';
export * from './commands';
