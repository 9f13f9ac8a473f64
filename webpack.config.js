/**
 * Builds the Excel add-in: one shared-runtime page (taskpane.html) that loads the custom functions
 * bundle and the task pane bundle, the custom functions metadata (functions.json), the manifest and
 * the icons, into dist/.
 *
 *   npx webpack --mode production    → dist/ for hosting (manifest URLs → ADDIN_PRODUCTION_ORIGIN)
 *   npx webpack serve --mode development  → https://localhost:3000 (npm start wraps this)
 *
 * Environment:
 *   ADDIN_PRODUCTION_ORIGIN  where dist/ will be hosted (https; default https://clause51.example.org)
 *   ADDIN_DEV_PORT           dev server port (default 3000; the manifest assumes 3000)
 *   ADDIN_TASKPANE_ENTRY     override the pane entry (build trials only; default ./src/taskpane/index.tsx)
 */
'use strict';

const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { productionOrigin, rewriteManifest } = require('./scripts/manifest-rewrite');
const { BundleGuardPlugin, CopyFolderPlugin, KeepMinifiedPlugin } = require('./scripts/webpack-plugins');
const { devHttpsOptions } = require('./scripts/dev-certs');

const OFFICE_JS_CDN_ORIGIN = 'https://appsforoffice.microsoft.com';
const OFFICE_JS_CDN_URL = `${OFFICE_JS_CDN_ORIGIN}/lib/1/hosted/office.js`;
const OFFICE_JS_DIST = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
const FUNCTIONS_ENTRY = './src/functions/functions.ts';

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const dev = mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const port = Number(process.env.ADDIN_DEV_PORT || 3000);
  const taskpaneEntry = process.env.ADDIN_TASKPANE_ENTRY || './src/taskpane/index.tsx';
  const origin = dev ? null : productionOrigin();

  // https when office-addin-dev-certs' certificates exist or can be made without installing the CA.
  let https = null;
  if (serving) {
    https = await devHttpsOptions();
    if (https) {
      console.log(`[dev-server] https://localhost:${port} with certificates from ${path.dirname(https.caPath)}`);
    } else {
      console.log(
        `[dev-server] Serving over plain http://localhost:${port}. Excel only loads add-ins over https, so this is\n` +
          '  good for the browser preview only. To sideload into Excel, create and trust the dev certificates\n' +
          '  (docs/addin.md, "Trusting the development certificate").',
      );
    }
  }
  const scheme = https ? 'https' : 'http';

  return {
    mode,
    // No eval-based source maps: the page's CSP has no 'unsafe-eval', in development too.
    devtool: 'source-map',
    entry: {
      functions: FUNCTIONS_ENTRY,
      taskpane: taskpaneEntry,
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      // Entry files keep fixed names: the manifest points at functions.js.
      filename: '[name].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      // ExcelJS's browser build is one self-contained, minified file: nothing in it for webpack to parse.
      noParse: /[\\/]node_modules[\\/]exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Type checking is `npm run typecheck`'s job; ES modules here let webpack tree-shake.
              transpileOnly: true,
              compilerOptions: { module: 'esnext', moduleResolution: 'node', sourceMap: true },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        // Only the pane's chunks are split; functions.js stays one self-contained file (the manifest's
        // Script URL) with domain code only. ExcelJS is imported dynamically by the pane and lands in
        // an async chunk of its own.
        chunks: (chunk) => chunk.name !== 'functions',
        cacheGroups: {
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', priority: 20, enforce: true },
        },
      },
    },
    performance: { hints: false }, // budgets are checked on gzip sizes by BundleGuardPlugin instead
    plugins: [
      // Errors in the JSDoc declarations fail the build (the standalone CLI would only print them).
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: FUNCTIONS_ENTRY }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual', // functions first: they must be associated before the pane renders
        scriptLoading: 'defer',
        templateParameters: {
          officeJsUrl: dev ? 'office-js/office.js' : OFFICE_JS_CDN_URL,
          officeJsOrigin: dev ? '' : OFFICE_JS_CDN_ORIGIN,
          connectExtra: dev ? `ws://localhost:${port} wss://localhost:${port}` : OFFICE_JS_CDN_ORIGIN,
        },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // Preview mode outside Office opens this by default (src/taskpane/preview/open-workbook.ts).
          { from: 'examples/example-register.xlsx', to: 'example-register.xlsx' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : rewriteManifest(content.toString(), origin)),
          },
        ],
      }),
      // office.js for the browser preview outside Office (it loads sibling files, so the whole
      // folder). The dev server serves it straight from node_modules instead (devServer.static).
      ...(serving ? [] : [new CopyFolderPlugin({ from: OFFICE_JS_DIST, to: 'office-js' })]),
      ...(dev ? [] : [new KeepMinifiedPlugin({ test: /^exceljs\./ }), new BundleGuardPlugin()]),
    ],
    devServer: {
      port,
      host: 'localhost',
      server: https ? { type: 'https', options: { ca: https.ca, cert: https.cert, key: https.key } } : { type: 'http' },
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: [{ directory: OFFICE_JS_DIST, publicPath: '/office-js', watch: false }],
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false }, webSocketURL: `${scheme === 'https' ? 'wss' : 'ws'}://localhost:${port}/ws` },
      devMiddleware: { writeToDisk: false },
    },
  };
};
