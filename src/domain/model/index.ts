export * from './types';
export * from './schema';
export * from './table';
export * from './kpi';
