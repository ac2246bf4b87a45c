/**
 * The temporary file a write makes next to the output (`.<name>.<pid>.<hex>.tmp`, a hidden full
 * copy of citizen data) never outlives the command (issue 16, item 7): SIGINT and SIGTERM remove
 * it and exit 130 and 143 (outside the write they keep their default); one left by SIGKILL is removed
 * by the next run writing into the folder.
 *
 * The command runs as a real child process (`node bin/indsats.js`). To kill it while the temporary
 * file exists, the test sets INDSATS_TEST_WRITE_DELAY_MS (src/xlsx/write.ts WRITE_DELAY_ENV): the
 * write then waits that long between writing the temporary file and putting it in place. Nothing
 * but this test sets it.
 */
import { spawn } from 'child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'fs';
import { WRITE_DELAY_ENV } from '../../src/xlsx/write';
import { sha256, tempDir } from '../xlsx/fixtures';
import { BIN_TIMEOUT_MS, demoWorkbook, INDSATS_BIN, indsatsBin } from './helpers';

const tmp = tempDir('indsats-tempfiles-');
const demo = tmp.path('demo.xlsx');
let demoHash: string;

beforeAll(async () => {
  await demoWorkbook(demo);
  demoHash = sha256(demo);
});
afterEach(() => expect(sha256(demo)).toBe(demoHash));
afterAll(() => tmp.cleanup());

const TEMP = /^\.ud\.xlsx\.\d+\.[0-9a-f]{8}\.tmp$/;

interface Killed {
  code: number | null;
  signal: NodeJS.Signals | null;
  err: string;
  /** The temporary file seen before the kill. */
  temp: string;
  after: string[];
}

/** Runs `indsats repair demo -o <dir>/ud.xlsx` slowed down, and sends `signal` once the temporary file exists. */
function killMidWrite(dir: string, signal: NodeJS.Signals): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [INDSATS_BIN, 'repair', demo, '-o', `${dir}/ud.xlsx`], {
      env: { ...process.env, [WRITE_DELAY_ENV]: '60000' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    let temp = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => {
      clearInterval(poll);
      child.kill('SIGKILL');
      reject(new Error(`no temporary file within ${BIN_TIMEOUT_MS} ms: ${err}`));
    }, BIN_TIMEOUT_MS);
    const poll = setInterval(() => {
      const found = readdirSync(dir).find((n) => TEMP.test(n));
      if (!found) return;
      clearInterval(poll);
      temp = found;
      child.kill(signal);
    }, 50);
    child.on('exit', (code, sig) => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ code, signal: sig, err, temp, after: readdirSync(dir) });
    });
  });
}

it.each([
  ['SIGINT', 130, 'Afbrudt. Outputfilen er ikke skrevet, og den midlertidige fil er slettet.\n'],
  ['SIGTERM', 143, 'Afbrudt. Outputfilen er ikke skrevet, og den midlertidige fil er slettet.\n'],
] as const)('%s mid-write removes the temporary file and exits %i', async (signal, code, text) => {
  const dir = tmp.path(signal);
  mkdirSync(dir);
  const run = await killMidWrite(dir, signal);
  expect(run.temp).toMatch(TEMP);
  expect(run).toMatchObject({ code, signal: null, err: text, after: [] });
});

it('a temporary file left by SIGKILL is removed by the next run; others are left alone', async () => {
  const dir = tmp.path('SIGKILL');
  mkdirSync(dir);
  const run = await killMidWrite(dir, 'SIGKILL');
  expect(run).toMatchObject({ code: null, signal: 'SIGKILL', after: [run.temp] });
  // Not ours: another name pattern, and one of a process that still runs (this one).
  const others = ['.ud.xlsx.tmp', `.noter.xlsx.${process.pid}.0123abcd.tmp`, 'ud.xlsx.1.0123abcd.tmp'];
  for (const name of others) writeFileSync(`${dir}/${name}`, 'x');
  const next = indsatsBin('repair', demo, '-o', `${dir}/ud.xlsx`);
  expect(next.code).toBe(0);
  expect(readdirSync(dir).sort()).toEqual([...others, 'ud.xlsx'].sort());
});

it('before the write, SIGTERM ends the command at once, as by default (no handler that waits for the event loop)', async () => {
  const dir = tmp.path('early');
  mkdirSync(dir);
  const child = spawn(process.execPath, [INDSATS_BIN, 'repair', demo, '-o', `${dir}/ud.xlsx`], { stdio: 'ignore' });
  // Node starts and reads the workbook for over a second: well before the temporary file exists.
  await new Promise((resolve) => setTimeout(resolve, 300));
  child.kill('SIGTERM');
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
  expect({ code, signal, files: readdirSync(dir) }).toEqual({ code: null, signal: 'SIGTERM', files: [] });
});
