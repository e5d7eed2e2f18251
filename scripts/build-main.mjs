// Bundles the Electron main process, the preload and the documents' render
// worker into dist/main as CommonJS (a sandboxed preload must be CommonJS).
// External: electron; better-sqlite3 (native); pdfkit, which loads its built-in
// fonts through package "imports" (#standard-fonts/…) that a bundle cannot follow.
// `import.meta.url` is mapped to each bundle's own file URL.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3', 'pdfkit'],
  // React's production build: smaller and faster, and it does not fill the
  // performance timeline while rendering receipts.
  define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__bundle_url' },
  banner: { js: "const __bundle_url = require('node:url').pathToFileURL(__filename).href;" },
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
};

await build({
  ...common,
  entryPoints: {
    main: 'electron/main.ts',
    'documents-worker': 'electron/documents/render-worker.ts',
  },
});

await build({
  ...common,
  entryPoints: { preload: 'electron/preload.ts' },
});

console.log('Built dist/main: main.cjs, documents-worker.cjs and preload.cjs');
