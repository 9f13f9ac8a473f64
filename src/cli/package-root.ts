/**
 * The installed package's root folder, found from this file's location (works from src/ under
 * ts-jest and from lib/ once compiled), for the bundled example register and the version.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';

const PACKAGE_NAME = 'clause51-register';

export function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return dir;
      } catch {
        // not ours; keep looking upwards
      }
    }
    dir = path.dirname(dir);
  }
  return path.resolve(__dirname, '..', '..');
}

export function exampleRegisterPath(): string {
  return path.join(packageRoot(), 'examples', 'example-register.xlsx');
}

export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
