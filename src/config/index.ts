export * from './schema';
export * from './security';
export * from './origins';
export * from './load';
