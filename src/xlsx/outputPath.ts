/**
 * Where a written workbook may go, and the temporary files on the way there (write.ts).
 *
 * The output path rules: an absent path is written; an existing regular file (of any size, also
 * 0 bytes) only when overwriting is asked for (--force); anything else is refused always: a
 * folder, a device (/dev/null), a fifo or a socket, and a symbolic link, even one to a regular
 * file. A link is refused rather than followed: the rename that puts the file in place would
 * replace the link itself, not its target, and following it could replace a file somewhere the
 * user never named (a link planted in a shared folder). The user gives the real path instead.
 *
 * Temporary files are named `.<name>.<pid>.<8 hex>.tmp` next to the target. While one of this
 * process exists, SIGINT and SIGTERM remove it first and then call the handler the CLI set
 * (`onInterrupt`); at any other time the signals keep their default (the process ends at once,
 * also in the middle of a long computation, which a handler could not interrupt). Ones left by a
 * killed run (SIGKILL, power loss) are removed by the next write into the same folder when their
 * pid no longer runs and they belong to the current user.
 *
 * No ExcelJS here: the CLI checks the output path before it reads anything.
 */
import { lstatSync, readdirSync, rmSync, statSync } from 'fs';
import { randomBytes } from 'crypto';
import { basename, dirname, join } from 'path';
import { OutputPathError, type OutputPathProblem } from './errors';

/** Throws an OutputPathError when `path` must not be written (see the rules above). */
export function checkOutputPath(path: string, overwrite: boolean): void {
  let stat;
  try {
    stat = lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    return; // no permission, a missing folder: the write itself reports it
  }
  const problem: OutputPathProblem | undefined = stat.isSymbolicLink()
    ? 'symlink'
    : stat.isDirectory()
      ? 'directory'
      : stat.isCharacterDevice() || stat.isBlockDevice()
        ? 'device'
        : stat.isFIFO()
          ? 'fifo'
          : stat.isSocket()
            ? 'socket'
            : !stat.isFile()
              ? 'other'
              : overwrite
                ? undefined
                : 'exists';
  if (problem) throw new OutputPathError(problem, path);
}

/** True when both paths name the same file (also through a hard or symbolic link). */
export function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** A fresh temporary name next to `path`, registered as this process's until `release`. */
export function tempPathFor(path: string): string {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  live.add(tmp);
  if (live.size === 1 && interrupted) for (const s of SIGNALS) process.on(s, onSignal);
  return tmp;
}

export function releaseTempPath(tmp: string): void {
  live.delete(tmp);
  if (!live.size) for (const s of SIGNALS) process.off(s, onSignal);
}

const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
let interrupted: ((signal: NodeJS.Signals) => void) | undefined;

function onSignal(signal: NodeJS.Signals): void {
  removeLiveTempFiles();
  interrupted?.(signal);
}

/**
 * What happens after SIGINT/SIGTERM removed the temporary files (the CLI: a message and exit
 * 130/143). Without a handler set the signals are never caught.
 */
export function onInterrupt(handler: (signal: NodeJS.Signals) => void): void {
  interrupted = handler;
}

/** Removes this process's temporary files now (synchronously: for a signal handler). */
export function removeLiveTempFiles(): void {
  for (const tmp of live) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing more can be done on the way out
    }
  }
  live.clear();
}

/**
 * Removes temporary files of ours in `dir` whose process no longer runs, owned by this user, and
 * returns their names. Best effort: a file that cannot be checked or removed is left alone.
 */
export function removeStaleTempFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || running(pid)) continue;
    const path = join(dir, name);
    try {
      const stat = lstatSync(path);
      if (!stat.isFile() || (uid !== undefined && stat.uid !== uid)) continue;
      rmSync(path);
      removed.push(name);
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

function running(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // runs, as another user
  }
}
