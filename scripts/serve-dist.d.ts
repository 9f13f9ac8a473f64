/** Types for scripts/serve-dist.js (used by the end-to-end tests). */
import type { Server } from 'http';

export interface DistServer {
  /** Base URL, e.g. http://127.0.0.1:41234/ — the pane is at url + 'taskpane.html'. */
  url: string;
  port: number;
  close(): Promise<void>;
  server: Server;
}

export function serveDist(options?: { root?: string; port?: number; host?: string }): Promise<DistServer>;
export function contentType(file: string): string;
export function resolveInside(root: string, urlPath: string): string | null;
