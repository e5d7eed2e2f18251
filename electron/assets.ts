import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Files shipped in assets/: read from the source tree when running from
 * source; packaged builds pass their resources folder instead.
 */
export type AssetReader = (name: string) => string;

export function assetReader(
  root: string = fileURLToPath(new URL('../assets/', import.meta.url)),
): AssetReader {
  return (name) => readFileSync(`${root.replace(/\/?$/, '/')}${name}`, 'utf8');
}
