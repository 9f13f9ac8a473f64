// Types for scripts/start.js (npm start).
export declare function sideloadTool(platform?: string): string | null;
export declare function instructions(options: { scheme: 'http' | 'https'; port: number; reason: string }): string;
export declare function waitForPort(port: number, timeoutMs: number): Promise<boolean>;
