// Types for scripts/manifest-rewrite.js (plain Node so webpack.config.js can require it).
export declare const DEV_ORIGIN: string;
export declare const DEFAULT_PRODUCTION_ORIGIN: string;
export declare function productionOrigin(env?: Record<string, string | undefined>): string;
export declare function rewriteManifest(xml: string | Buffer, origin: string): string;
