export * from './finding';
export { renderMessage } from './reporter';
export * from './validateWorkbook';
