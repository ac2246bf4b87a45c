/** The domain core: pure TypeScript, no Office, no files, no DOM. */
export * from './parse';
export * from './taxonomy';
export * from './model';
export * from './validate';
export * from './summarize';
