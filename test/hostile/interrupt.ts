/**
 * Preloaded (`node -r interrupt.js bin/indsats.js …`) by the hostile suite's signal cases: watches the
 * output folder and, the moment a new file appears in it (the CLI's temp file, or the output itself
 * when written in place), sends this process HOSTILE_SIGNAL: a Ctrl-C or a kill in the middle of
 * the write, whatever the write looks like. The file it saw is noted in HOSTILE_NOTE.
 */
import { readdirSync, watch, writeFileSync } from 'fs';

const dir = process.env.HOSTILE_WATCH_DIR;
const signal = process.env.HOSTILE_SIGNAL as NodeJS.Signals | undefined;
const note = process.env.HOSTILE_NOTE;
if (dir && signal && note) {
  const before = new Set(readdirSync(dir));
  let fired = false;
  const watcher = watch(dir, (_event, name) => {
    if (fired || !name || before.has(String(name))) return;
    fired = true;
    writeFileSync(note, String(name));
    process.kill(process.pid, signal);
  });
  watcher.unref();
}
