/** A1 addresses for the .xlsx adapter: the shared helpers. */
export * from '../domain/model/address';
