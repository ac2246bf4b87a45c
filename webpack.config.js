const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

// The manifest points at the dev server; a deployment build rewrites it to ADDIN_URL.
const urlDev = 'https://localhost:3000/';

function productionUrl() {
  const url = process.env.ADDIN_URL;
  if (!url) return undefined;
  // Office only loads add-ins over https.
  if (!url.startsWith('https://')) throw new Error(`ADDIN_URL must start with https:// (got ${url})`);
  return url.endsWith('/') ? url : `${url}/`;
}

// Certificates are only needed for `webpack serve`; creating them can fail in CI or
// containers (no trust store / no GUI prompt), so the dev server degrades to http there.
async function devServerTransport() {
  try {
    const devCerts = require('office-addin-dev-certs');
    return { type: 'https', options: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    console.warn(
      '\n[Indsatsmonitor] WARNING: could not create a trusted localhost certificate ' +
        `(${error instanceof Error ? error.message : error}).\n` +
        '  The dev server runs on plain http://localhost:3000/ instead; Office will NOT load the add-in from it.\n' +
        '  Run `npx office-addin-dev-certs install` on a desktop machine to fix this.\n',
    );
    return { type: 'http' };
  }
}

/**
 * Content-Security-Policy of the task pane and the function file (a <meta> first in <head>, so it
 * covers office.js too): scripts only from the add-in's own origin and Office's CDN, no inline
 * scripts and no eval; nothing is fetched or framed from elsewhere. Styles allow 'unsafe-inline'
 * because Fluent UI v9 (Griffel) inserts its CSS at run time in <style> elements. frame-ancestors
 * cannot be set by a <meta>: Office embeds the pane, and the host that serves it may add it as a header.
 * Chunks loaded on demand (xlsx-writer.js and the ExcelJS chunk, for *Lav partnerudgave*) are the
 * add-in's own scripts ('self'). The partner copy's download is an <a download> on a blob: URL: a
 * download, not a fetch, so no directive needs blob: (the browser test downloads it under this policy).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' https://appsforoffice.microsoft.com",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

module.exports = async (env = {}, argv = {}) => {
  const prodUrl = productionUrl();
  return {
    mode: argv.mode ?? 'production',
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: { clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type errors are reported by `npm run typecheck`, not by the bundler.
          use: { loader: 'ts-loader', options: { transpileOnly: true } },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        templateParameters: { csp: CSP },
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        templateParameters: { csp: CSP },
        chunks: ['commands'],
      }),
      new HtmlWebpackPlugin({
        filename: 'support.html',
        template: './src/support/support.html',
        chunks: [],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: '[name][ext]',
            transform: (content) =>
              prodUrl ? content.toString().replaceAll(urlDev, prodUrl) : content,
          },
        ],
      }),
    ],
    // The budget is 400 KB gzipped (npm run bench prints it; ~220 KB now). Webpack's hint counts
    // minified bytes, so it warns only well beyond what React + Fluent UI + the core need.
    // xlsx-writer.js (below) is not part of the first load: left out of the hint, its size is in the bench.
    performance: { maxEntrypointSize: 1024 * 1024, maxAssetSize: 1024 * 1024, assetFilter: (file) => !file.endsWith('.map') && file !== 'xlsx-writer.js' },
    // The one chunk loaded on demand (*Lav partnerudgave*: the new-workbook builder and ExcelJS's
    // browser build, ~1 MB minified) stays one file, xlsx-writer.js, instead of a vendors chunk beside it.
    optimization: { splitChunks: { cacheGroups: { defaultVendors: false } } },
    devServer: {
      // Loopback only: Excel on this machine is the only client.
      host: 'localhost',
      port: 3000,
      static: false,
      server: env.WEBPACK_SERVE ? await devServerTransport() : undefined,
    },
  };
};
