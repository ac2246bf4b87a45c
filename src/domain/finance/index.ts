/** Finance: money in øre, budget-vs-postings reconciliation, refund calculation file import. */
export * from './money';
export * from './issues';
export * from './reconcile';
export * from './refundFile';
export { splitRecords, type TextRecord } from './delimited';
