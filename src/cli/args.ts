/**
 * The command line's options, parsed with Node's parseArgs but reported in our words: an unknown
 * option, a missing value or a value given to a switch is an ArgsError with the option as typed,
 * which main() turns into a Danish or English message (exit 2).
 */
import { parseArgs } from 'node:util';

export const OPTIONS = {
  output: { type: 'string', short: 'o' },
  'as-of': { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  force: { type: 'boolean' },
  quiet: { type: 'boolean' },
  'mask-cpr': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  // indsats adopt (#10)
  sheet: { type: 'string' },
  initiative: { type: 'string' },
  name: { type: 'string' },
  map: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'header-row': { type: 'string' },
  // indsats repair --rename (#10)
  rename: { type: 'string' },
  // consolidate, partner and merge; snapshot
  accept: { type: 'string' },
  yes: { type: 'boolean' },
  withdraw: { type: 'string' },
} as const;

export type OptionName = keyof typeof OPTIONS;

/** Options every command takes. */
export const GLOBAL_OPTIONS: readonly OptionName[] = ['lang', 'quiet', 'help'];

export interface Values {
  output?: string;
  'as-of'?: string;
  json?: boolean;
  lang?: string;
  force?: boolean;
  quiet?: boolean;
  'mask-cpr'?: boolean;
  help?: boolean;
  sheet?: string;
  initiative?: string;
  name?: string;
  map?: string;
  'dry-run'?: boolean;
  'header-row'?: string;
  rename?: string;
  accept?: string;
  yes?: boolean;
  withdraw?: string;
}

export interface Args {
  values: Values;
  positionals: string[];
  /** The options given, as typed (e.g. "-o"), in order. */
  given: { name: OptionName; raw: string }[];
}

export class ArgsError extends Error {
  constructor(
    readonly problem: 'unknown' | 'missing-value' | 'no-value',
    readonly option: string,
    /** The --lang given before the problem was found, if a valid one was. */
    readonly lang?: string,
  ) {
    super(`${problem}: ${option}`);
    this.name = 'ArgsError';
  }
}

const isOption = (name: string): name is OptionName => Object.prototype.hasOwnProperty.call(OPTIONS, name);

export function parseCommandLine(argv: string[]): Args {
  const { tokens, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false, tokens: true, options: OPTIONS });
  const values: Record<string, string | boolean> = {};
  const given: Args['given'] = [];
  const problems: ArgsError[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!isOption(token.name)) {
      problems.push(new ArgsError('unknown', token.rawName));
      continue;
    }
    if (OPTIONS[token.name].type === 'string') {
      // As strict parseArgs: "-o --json" is a missing value, not a file called "--json".
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-') && token.value !== '-')) {
        problems.push(new ArgsError('missing-value', token.rawName));
        continue;
      }
      values[token.name] = token.value;
    } else {
      if (token.inlineValue) {
        problems.push(new ArgsError('no-value', token.rawName));
        continue;
      }
      values[token.name] = true;
    }
    given.push({ name: token.name, raw: token.rawName });
  }
  if (problems.length) {
    const lang = typeof values.lang === 'string' ? values.lang : undefined;
    throw new ArgsError(problems[0].problem, problems[0].option, lang);
  }
  return { values: values as Values, positionals, given };
}
