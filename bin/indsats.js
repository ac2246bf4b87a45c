#!/usr/bin/env node
// The `indsats` command. The CLI is TypeScript (src/cli), bundled by `npm run build:cli` into
// dist-cli/indsats.js; `npm ci` / `npm install` build it (the `prepare` script), and so do
// `npm run build` and `npm test`. This file only loads the bundle: it never builds anything.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'dist-cli', 'indsats.js');

if (!fs.existsSync(bundle)) {
  process.stderr.write(
    `indsats er ikke bygget (${path.relative(process.cwd(), bundle) || bundle} mangler). Byg den med: npm run build:cli\n` +
      `indsats is not built (${path.relative(process.cwd(), bundle) || bundle} is missing). Build it with: npm run build:cli\n`,
  );
  process.exitCode = 2;
} else {
  require(bundle)
    .main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    });
}
