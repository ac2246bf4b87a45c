/**
 * What the adapter needs from its surroundings, injected so that tests can run it against the
 * in-memory stand-in: the batch runner (`Excel.run` in production), the requirement-set check
 * (`Office.context.requirements.isSetSupported`) and the payload limit of the platform.
 */

/** `Excel.run` (or the stand-in's run): runs one batch against one request context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** `(set, version) => boolean`, e.g. `supports('ExcelApi', '1.8')`. */
export type Supports = (set: string, version: string) => boolean;

/**
 * Excel on the web rejects a batch whose request or response is over 5 MB
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded). The adapter keeps each
 * sync under this estimate there; Excel on Windows and Mac have no such limit.
 */
export const WEB_SYNC_PAYLOAD_LIMIT = 4_000_000;

/** Largest single range write or read the adapter builds (cells are also capped at 5 000 000). */
export const MAX_REQUEST_BYTES = 4_000_000;
export const MAX_RANGE_CELLS = 5_000_000;

interface OfficeLike {
  context?: {
    platform?: unknown;
    requirements?: { isSetSupported(set: string, version?: string): boolean };
  };
}

const office = (): OfficeLike | undefined => (globalThis as { Office?: OfficeLike }).Office;

/** Requirement sets as Office reports them; outside Office (tests, stand-in) everything is supported. */
export function defaultSupports(): Supports {
  const requirements = office()?.context?.requirements;
  return requirements ? (set, version) => requirements.isSetSupported(set, version) : () => true;
}

/** 4 MB per sync on Excel on the web (Office.context.platform "OfficeOnline"), unlimited elsewhere. */
export function defaultSyncPayloadLimit(): number {
  return office()?.context?.platform === 'OfficeOnline' ? WEB_SYNC_PAYLOAD_LIMIT : Infinity;
}
