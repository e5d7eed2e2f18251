import { defineConfig } from 'vitest/config';

// Node tests (core, db, services, hosts) and the renderer's component tests
// (jsdom) run as two projects of one `vitest run`.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: [
            'core/**/*.test.ts',
            'db/**/*.test.ts',
            'electron/**/*.test.ts',
            'scripts/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          // The sync server: every test on PGlite and on a real PostgreSQL.
          name: 'server',
          include: ['server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['server/testing/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'renderer',
          include: ['renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['renderer/vitest.setup.ts'],
        },
      },
    ],
  },
});
