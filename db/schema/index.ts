export * from './accounts';
export * from './system';
export * from './stores';
export * from './instances';
export * from './messages';
export * from './queue-operations';
export * from './conversions';
export * from './sends';
