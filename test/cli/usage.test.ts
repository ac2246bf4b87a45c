/** Command-line mistakes get our own message (Danish or English) and exit 2; the bin without its bundle says how to build it. */
import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync } from 'fs';
import { join } from 'path';
import { tempDir } from '../xlsx/fixtures';
import { indsats } from './helpers';

describe('options', () => {
  it('an unknown option, in Danish and in English', async () => {
    expect(await indsats('validate', 'x.xlsx', '--bogus')).toEqual({ code: 2, out: '', err: "Ukendt valg '--bogus'. Se indsats --help." });
    expect(await indsats('validate', 'x.xlsx', '--bogus', '--lang', 'en')).toEqual({ code: 2, out: '', err: "Unknown option '--bogus'. See indsats --help." });
    expect(await indsats('-x')).toMatchObject({ code: 2, err: "Ukendt valg '-x'. Se indsats --help." });
  });

  it('a missing value, and a value given to a switch', async () => {
    expect(await indsats('demo', '-o')).toEqual({ code: 2, out: '', err: "Valget '-o' mangler en værdi." });
    expect(await indsats('--lang', 'en', 'validate', 'x.xlsx', '--as-of')).toMatchObject({ code: 2, err: "Option '--as-of' needs a value." });
    expect(await indsats('summarize', 'x.xlsx', '-o', '--force')).toMatchObject({ code: 2, err: "Valget '-o' mangler en værdi." });
    expect(await indsats('validate', 'x.xlsx', '--json=ja')).toMatchObject({ code: 2, err: "Valget '--json' tager ingen værdi." });
  });

  it('an option the command does not take', async () => {
    expect(await indsats('demo', '-o', 'x.xlsx', '--json')).toEqual({ code: 2, out: '', err: "Valget '--json' bruges ikke med demo. Brug: indsats demo -o FIL.xlsx [--force]" });
    expect(await indsats('validate', 'x.xlsx', '--force', '--lang', 'en')).toMatchObject({ code: 2, err: "Option '--force' does not apply to validate. Usage: indsats validate FILE.xlsx [--json] [--as-of DATE]" });
  });

  it('no Node parseArgs text and no stack trace for any of them', async () => {
    for (const args of [['--bogus'], ['-o'], ['--json=1'], ['validate', '--output']]) {
      const run = await indsats(...args);
      expect(run.code).toBe(2);
      expect(run.err).not.toMatch(/ERR_PARSE_ARGS|positional argument|\bat .+:\d+:\d+|Uventet/);
    }
  });
});

describe('the bin without its bundle', () => {
  const tmp = tempDir('indsats-nobundle-');
  afterAll(() => tmp.cleanup());

  it('says in Danish and English how to build it, with exit 2', () => {
    mkdirSync(tmp.path('bin'));
    const bin = tmp.path(join('bin', 'indsats.js'));
    copyFileSync(join(__dirname, '../../bin/indsats.js'), bin);
    const run = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8', cwd: tmp.dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('indsats er ikke bygget');
    expect(run.stderr).toContain('indsats is not built');
    expect(run.stderr).toContain('npm run build:cli');
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });
});
