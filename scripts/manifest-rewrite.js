/**
 * Turns the development manifest (https://localhost:3000/…) into the production one. Shared by
 * webpack.config.js (which writes dist/manifest.xml) and tests/manifest.test.ts (which checks the
 * result), so the test exercises exactly what the build ships.
 *
 * OfficeDev's template replaces only the first occurrence with a plain string; a manifest has a
 * dozen URLs, so this uses a global RegExp and then proves that no localhost URL is left.
 */
'use strict';

const DEV_ORIGIN = 'https://localhost:3000';
/** Placeholder used when ADDIN_PRODUCTION_ORIGIN is not set: obviously not a real deployment. */
const DEFAULT_PRODUCTION_ORIGIN = 'https://clause51.example.org';

// Any localhost URL origin, whatever the scheme or port: every one of them must go.
const LOCALHOST_ORIGIN = /https?:\/\/(?:localhost|127\.0\.0\.1)(?::\d+)?/gi;

/**
 * The production base URL from the environment (ADDIN_PRODUCTION_ORIGIN), validated: https only,
 * no query or fragment, no characters that would need escaping in XML. A path is allowed
 * (e.g. https://example.org/clause51) for hosts that serve the add-in from a folder.
 * Returned without a trailing slash.
 */
function productionOrigin(env = process.env) {
  const raw = (env.ADDIN_PRODUCTION_ORIGIN || '').trim() || DEFAULT_PRODUCTION_ORIGIN;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_PRODUCTION_ORIGIN is not a URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_PRODUCTION_ORIGIN must use https (Office loads add-ins over https only): ${raw}`);
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`ADDIN_PRODUCTION_ORIGIN must be a plain https URL without query, fragment or credentials: ${raw}`);
  }
  if (/^(localhost|127\.0\.0\.1)$/i.test(url.hostname)) throw new Error(`ADDIN_PRODUCTION_ORIGIN must not be localhost: ${raw}`);
  const base = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  if (/[<>&"'\s]/.test(base)) throw new Error(`ADDIN_PRODUCTION_ORIGIN contains characters not allowed in the manifest: ${raw}`);
  return base;
}

/** Replace every localhost origin in the manifest text with `origin`; throws if any survives. */
function rewriteManifest(xml, origin) {
  const text = String(xml);
  const out = text.replace(LOCALHOST_ORIGIN, origin);
  const left = out.match(/localhost|127\.0\.0\.1/i);
  if (left) throw new Error(`manifest rewrite left a local URL behind near: ${out.slice(Math.max(0, left.index - 40), left.index + 40)}`);
  return out;
}

module.exports = { DEV_ORIGIN, DEFAULT_PRODUCTION_ORIGIN, productionOrigin, rewriteManifest };
