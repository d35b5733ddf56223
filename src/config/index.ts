export * from './schema';
export * from './boards';
export * from './security';
export * from './origins';
export * from './load';
export * from './board-sources';
export * from './kiosk';
