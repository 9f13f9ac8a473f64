/**
 * jsdom lacks a few browser APIs: ResizeObserver (Fluent UI v9's MessageBar reflow, positioning)
 * and Web Crypto's subtle with TextEncoder (the auditor pack's fingerprints). Import this first in every task pane
 * test; real browsers have them all.
 */
import { webcrypto } from 'node:crypto';
import { TextDecoder, TextEncoder } from 'node:util';

class ResizeObserverShim {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const w = globalThis as unknown as Record<string, unknown>;
if (typeof w.ResizeObserver === 'undefined') w.ResizeObserver = ResizeObserverShim;
if (typeof w.TextEncoder === 'undefined') Object.assign(w, { TextEncoder, TextDecoder });
const c = w.crypto as { subtle?: unknown } | undefined;
if (!c?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });

export {};
