export * from './finding';
export * from './validateWorkbook';
