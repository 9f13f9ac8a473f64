/**
 * Small webpack plugins for this build.
 *
 * BundleGuardPlugin keeps the bundle promises of the production build (issue 6 budgets):
 * - the functions bundle holds domain code only: no React, Fluent/Griffel or ExcelJS (error);
 * - ExcelJS is never in an initial chunk of any page entry: the pane imports it dynamically (error);
 * - the functions bundle is ≤ 60 KB gzip (error) and the pane's initial JS ≤ 300 KB gzip (warning:
 *   the pane is still growing; the figure is in bundle-sizes.json and the bench note).
 * It also writes dist/bundle-sizes.json with the raw and gzip sizes of each entry's initial files.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { WebpackError, Compilation, sources } = require('webpack');

const KB = 1024;
const UI_OR_FILE_LIBS = /[\\/]node_modules[\\/](react|react-dom|scheduler|@fluentui|@griffel|exceljs)[\\/]/;
const EXCELJS = /[\\/]node_modules[\\/]exceljs[\\/]/;

class BundleGuardPlugin {
  constructor({ functionsEntry = 'functions', paneEntry = 'taskpane', functionsGzipBudget = 60 * KB, paneGzipBudget = 300 * KB } = {}) {
    this.options = { functionsEntry, paneEntry, functionsGzipBudget, paneGzipBudget };
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('BundleGuardPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'BundleGuardPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        this.check(compilation);
      });
    });
  }

  /** Resources (file paths) of every module in the entry's initial chunks. */
  initialModules(compilation, entryName) {
    const entry = compilation.entrypoints.get(entryName);
    if (!entry) return [];
    const resources = [];
    for (const chunk of entry.chunks) {
      for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
        const resource = module.nameForCondition && module.nameForCondition();
        if (resource) resources.push(resource);
      }
    }
    return resources;
  }

  /** Raw and gzip bytes of the entry's initial JS files. */
  sizes(compilation, entryName) {
    const entry = compilation.entrypoints.get(entryName);
    const files = entry ? entry.getFiles().filter((f) => f.endsWith('.js')) : [];
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const asset = compilation.getAsset(file);
      if (!asset) continue;
      const buffer = asset.source.buffer();
      raw += buffer.length;
      gzip += zlib.gzipSync(buffer, { level: 9 }).length;
    }
    return { files, raw, gzip };
  }

  check(compilation) {
    const { functionsEntry, paneEntry, functionsGzipBudget, paneGzipBudget } = this.options;
    const fail = (message) => compilation.errors.push(new WebpackError(`[bundle-guard] ${message}`));
    const warn = (message) => compilation.warnings.push(new WebpackError(`[bundle-guard] ${message}`));

    const heavyInFunctions = this.initialModules(compilation, functionsEntry).filter((r) => UI_OR_FILE_LIBS.test(r));
    if (heavyInFunctions.length) {
      fail(`the ${functionsEntry} bundle must hold domain code only, but includes ${heavyInFunctions.length} UI/ExcelJS modules, e.g. ${heavyInFunctions[0]}`);
    }
    for (const name of compilation.entrypoints.keys()) {
      const exceljs = this.initialModules(compilation, name).filter((r) => EXCELJS.test(r));
      if (exceljs.length) fail(`ExcelJS must be imported dynamically, but is in the initial chunks of "${name}" (${exceljs[0]})`);
    }

    const report = { functions: this.sizes(compilation, functionsEntry), taskpane: this.sizes(compilation, paneEntry) };
    if (report.functions.gzip > functionsGzipBudget) {
      fail(`${functionsEntry} bundle is ${(report.functions.gzip / KB).toFixed(1)} KB gzip, over the ${functionsGzipBudget / KB} KB budget`);
    }
    if (report.taskpane.gzip > paneGzipBudget) {
      warn(`${paneEntry} initial JS is ${(report.taskpane.gzip / KB).toFixed(1)} KB gzip, over the ${paneGzipBudget / KB} KB budget`);
    }
    compilation.emitAsset('bundle-sizes.json', new sources.RawSource(JSON.stringify(report, null, 2) + '\n'));
  }
}

/**
 * Copies a folder into the output after emit, with plain fs: office.js's 86 MB / ~700 files would
 * otherwise be hashed and held in memory as webpack assets on every build.
 */
class CopyFolderPlugin {
  constructor({ from, to }) {
    this.from = from;
    this.to = to;
  }
  apply(compiler) {
    compiler.hooks.afterEmit.tap('CopyFolderPlugin', (compilation) => {
      const target = path.join(compilation.outputOptions.path, this.to);
      try {
        fs.cpSync(this.from, target, { recursive: true });
      } catch (err) {
        compilation.errors.push(new WebpackError(`[copy-folder] could not copy ${this.from} to ${target}: ${err.message}`));
      }
    });
  }
}

/**
 * Marks assets whose name matches `test` as already minimized, so the minimizer skips them. The
 * ExcelJS chunk is ExcelJS's own minified build (exceljs.min.js): minifying 900 KB again costs
 * minutes on a small machine and saves almost nothing.
 */
class KeepMinifiedPlugin {
  constructor({ test }) {
    this.test = test;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('KeepMinifiedPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'KeepMinifiedPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1 }, (assets) => {
        for (const name of Object.keys(assets)) {
          if (this.test.test(name)) compilation.updateAsset(name, (source) => source, { minimized: true });
        }
      });
    });
  }
}

module.exports = { BundleGuardPlugin, CopyFolderPlugin, KeepMinifiedPlugin };
