export * from './types';
export * from './defaults';
export * from './matcher';
export * from './normalize';
export * from './sheet';
export * from './update';
