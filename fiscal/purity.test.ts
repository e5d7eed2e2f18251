/**
 * fiscal/ is plain Node over core/ (ARCHITECTURE.md): the till's services and
 * the central server both use it, so it never reaches Electron, the database,
 * the renderer or the server. ESLint says the same; this holds where lint is skipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fiscalDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(fiscalDir, '..');
const ALLOWED_PACKAGES = new Set([
  'xmlbuilder2',
  'xml-crypto',
  '@xmldom/xmldom',
  'node-forge',
  'fflate',
  'vitest',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

describe('fiscal/ purity', () => {
  const files = sourceFiles(fiscalDir);

  it.each(files.map((f) => [relative(fiscalDir, f), f]))(
    '%s imports only fiscal, core, Node and its XML/crypto/zip packages',
    (_name, file) => {
      for (const specifier of importsOf(file)) {
        if (specifier.startsWith('.')) {
          const top = relative(root, resolve(dirname(file), specifier)).split(/[\\/]/)[0];
          expect(['fiscal', 'core'], `${specifier} leaves fiscal/ and core/`).toContain(top);
        } else if (!specifier.startsWith('node:')) {
          const name = specifier.startsWith('@')
            ? specifier.split('/').slice(0, 2).join('/')
            : specifier.split('/')[0]!;
          expect(ALLOWED_PACKAGES, `${specifier} is not a fiscal/ dependency`).toContain(name);
        }
      }
    },
  );
});
