/**
 * HTTPS for the dev server without installing anything system-wide.
 *
 * office-addin-dev-certs' getHttpsServerOptions() insists on installing its CA, which calls sudo on
 * Linux and fails (known-traps.md). Here we only *use* its certificates: take them from
 * ~/.office-addin-dev-certs when present and valid, otherwise generate them there (generation does
 * not install the CA). When neither works, return null and let the caller serve over http.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');

const DEFAULT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');

function certPaths(dir = DEFAULT_DIR) {
  return {
    dir,
    ca: path.join(dir, 'ca.crt'),
    cert: path.join(dir, 'localhost.crt'),
    key: path.join(dir, 'localhost.key'),
  };
}

/** Why the certificate files cannot be used, or null when they can. */
function problemWith(paths, now = new Date()) {
  for (const file of [paths.ca, paths.cert, paths.key]) {
    if (!fs.existsSync(file)) return `missing ${file}`;
  }
  try {
    const cert = new crypto.X509Certificate(fs.readFileSync(paths.cert));
    const validTo = new Date(cert.validTo);
    if (!(validTo > now)) return `${paths.cert} expired on ${validTo.toISOString().slice(0, 10)}`;
  } catch (err) {
    return `${paths.cert} is not a readable certificate (${err.message})`;
  }
  return null;
}

function read(paths) {
  return { ca: fs.readFileSync(paths.ca), cert: fs.readFileSync(paths.cert), key: fs.readFileSync(paths.key) };
}

/**
 * Resolve to { ca, cert, key, caPath } for an https dev server, or to null (with `log` told why).
 * Never installs a CA and never deletes existing files.
 */
async function devHttpsOptions({ dir = DEFAULT_DIR, log = console.log, now = new Date() } = {}) {
  const paths = certPaths(dir);
  let problem = problemWith(paths, now);
  if (problem === null) return { ...read(paths), caPath: paths.ca };

  const missing = ![paths.ca, paths.cert, paths.key].some((f) => fs.existsSync(f));
  if (missing) {
    try {
      const { generateCertificates } = require('office-addin-dev-certs');
      await generateCertificates(paths.ca, paths.cert, paths.key);
      problem = problemWith(paths, now);
      if (problem === null) return { ...read(paths), caPath: paths.ca, generated: true };
    } catch (err) {
      problem = `could not generate certificates: ${err.message}`;
    }
  }
  log(`[dev-certs] Not using https: ${problem}.`);
  return null;
}

module.exports = { devHttpsOptions, certPaths, problemWith, DEFAULT_DIR };
