/**
 * A workbook the operations may read but never change: the bytes of another .xlsx file (a team's
 * workbook for *Saml projektmapper*, a partner's copy for *Indlæs partnerudgave*), read once by the
 * streaming reader when first asked. `apply` refuses: nothing is ever written into these bytes.
 */
import type { ApplyResult, LiveWorkbook } from '../../workbook/adapterContract';
import type { Plan } from '../../workbook/plan';
import type { WorkbookRead } from '../../workbook/read';
import type { ReadLimits } from './limits';
import type { ReaderPlatform } from './platform';
import { ReadOnlyWorkbookError } from './errors';
import { readWorkbookBytes } from './workbookBytes';

/** `path` names the bytes in errors (the file's name); reading errors are XlsxReadError, thrown by read(). */
export function readOnlyWorkbook(bytes: Uint8Array, path: string, platform: ReaderPlatform, limits?: Partial<ReadLimits>): LiveWorkbook {
  let read: WorkbookRead | undefined;
  const all = () => (read ??= readWorkbookBytes(bytes, platform, limits, path));
  return {
    async read(options?: { sheets?: string[] }): Promise<WorkbookRead> {
      const whole = all();
      if (!options?.sheets) return whole;
      const wanted = new Set(options.sheets.map((s) => s.toLowerCase()));
      return { ...whole, sheets: whole.sheets.filter((s) => wanted.has(s.name.toLowerCase())) };
    },
    async apply(_plan: Plan): Promise<ApplyResult> {
      throw new ReadOnlyWorkbookError(path);
    },
    async activeSheet(): Promise<string> {
      return all().sheets[0]?.name ?? '';
    },
  };
}
