// Types for scripts/bench/bundles.js (plain Node, run by scripts/bench.js).
export interface BundleFile {
  file: string;
  raw: number;
  gzip: number;
}
export interface BundleSizes {
  functions: { files: BundleFile[]; raw: number; gzip: number };
  pane: { files: BundleFile[]; raw: number; gzip: number };
  lazy: BundleFile[];
  guard: unknown;
  builtAt: string;
}
export declare const KB: number;
export declare function initialScripts(html: string): string[];
export declare function measureDist(dist: string): BundleSizes;
export declare function distIsStale(root: string): string | null;
