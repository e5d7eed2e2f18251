/**
 * core/ is pure: no Node, Electron, React or database. ESLint enforces the
 * same on every save; this test makes it hold even where lint is skipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const coreDir = dirname(fileURLToPath(import.meta.url));
const ALLOWED_PACKAGES = new Set(['zod']);
const TEST_ONLY_PACKAGES = new Set(['vitest', 'fast-check', 'node:fs', 'node:path', 'node:url']);

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
  const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1]!,
  );
  const dynamic = [...text.matchAll(/(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1]!,
  );
  return [...specifiers, ...dynamic];
}

describe('core/ purity', () => {
  const files = sourceFiles(coreDir);

  it('finds the sources it checks', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(coreDir, f), f]))(
    '%s imports only core and zod',
    (_name, file) => {
      const isTest = file.endsWith('.test.ts');
      for (const specifier of importsOf(file)) {
        if (specifier.startsWith('.')) {
          const target = resolve(dirname(file), specifier);
          expect(relative(coreDir, target).startsWith('..'), `${specifier} leaves core/`).toBe(
            false,
          );
        } else {
          const allowed =
            ALLOWED_PACKAGES.has(specifier) || (isTest && TEST_ONLY_PACKAGES.has(specifier));
          expect(allowed, `core may not import "${specifier}"`).toBe(true);
        }
      }
    },
  );
});
