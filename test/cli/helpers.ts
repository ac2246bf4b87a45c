import { main } from '../../src/cli/main';
import type { CalendarDate } from '../../src/domain/parse';

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process, as `indsats <args>`, with today fixed. */
export async function indsats(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), today: () => '2026-11-25' as CalendarDate });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
