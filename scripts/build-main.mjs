// Bundles the Electron main process and the preload into dist/main as CommonJS
// (a sandboxed preload must be CommonJS). Electron and better-sqlite3 (native)
// stay external; `import.meta.url` is mapped to the bundle's own file URL.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
};

await build({
  ...common,
  entryPoints: { main: 'electron/main.ts' },
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
  define: { 'import.meta.url': '__bundle_url' },
  banner: { js: "const __bundle_url = require('node:url').pathToFileURL(__filename).href;" },
});

await build({
  ...common,
  entryPoints: { preload: 'electron/preload.ts' },
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
});

console.log('Built dist/main/main.cjs and dist/main/preload.cjs');
