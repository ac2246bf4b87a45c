/** What the pane uses of a browser that jsdom lacks, for the jsdom tests of test/taskpane. */
import { TextDecoder } from 'util';

/** Call in beforeAll: browsers have TextDecoder (jsdom does not expose Node's) and ResizeObserver (Fluent's MessageBar reflows long texts with it). */
export function installBrowserGlobals(): void {
  globalThis.TextDecoder ??= TextDecoder as typeof globalThis.TextDecoder;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
