// Types for scripts/dev-certs.js.
export interface CertPaths {
  dir: string;
  ca: string;
  cert: string;
  key: string;
}
export interface DevHttps {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
  caPath: string;
  generated?: boolean;
}
export declare const DEFAULT_DIR: string;
export declare function certPaths(dir?: string): CertPaths;
export declare function problemWith(paths: CertPaths, now?: Date): string | null;
export declare function devHttpsOptions(options?: { dir?: string; log?: (message: string) => void; now?: Date }): Promise<DevHttps | null>;
