// Types for scripts/webpack-plugins.js (used by webpack.config.js).
import type { Compiler } from 'webpack';
export declare class BundleGuardPlugin {
  constructor(options?: { functionsEntry?: string; paneEntry?: string; functionsGzipBudget?: number; paneGzipBudget?: number });
  apply(compiler: Compiler): void;
}
export declare class CopyFolderPlugin {
  constructor(options: { from: string; to: string });
  apply(compiler: Compiler): void;
}
export declare class KeepMinifiedPlugin {
  constructor(options: { test: RegExp });
  apply(compiler: Compiler): void;
}
