import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from app://tendero/ in Electron and from the webhost
// in a browser; relative asset paths work for both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173, strictPort: true },
});
