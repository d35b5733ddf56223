export * from './Badge';
export * from './StatusDot';
export * from './Figure';
export * from './board-context';
export * from './keys';
export * from './format';
export * from './theme';
export * from './panel-scope';
