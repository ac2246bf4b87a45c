/**
 * Summaries of a validated workbook model for the overview sheets: per initiative as of a date,
 * the portfolio, and development over time. Pure functions of the model and the taxonomies.
 */
export type * from './types';
export { summarizeInitiative, summarizeInitiatives } from './initiative';
export { summarizePortfolio } from './portfolio';
export { statusLogSeries, trends } from './trends';
export { ORDINARY_HOURS_LINE, participantKey, PLACEMENT_STATUS_CODES } from './asOf';
