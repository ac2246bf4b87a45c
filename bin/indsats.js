#!/usr/bin/env node
// The `indsats` command. The CLI is TypeScript (src/cli); it is bundled with esbuild into
// dist/cli/indsats.js on first use and whenever a source file is newer than the bundle.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'dist', 'cli', 'indsats.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function ensureBundle() {
  const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
  if (built > newestSource(path.join(root, 'src'))) return;
  const tmp = `${bundle}.${process.pid}.tmp`;
  require('esbuild').buildSync({
    entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['exceljs'],
    outfile: tmp,
    logLevel: 'error',
  });
  fs.renameSync(tmp, bundle); // atomic: parallel runs never load a half-written bundle
}

ensureBundle();
require(bundle)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
