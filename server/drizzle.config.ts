import { defineConfig } from 'drizzle-kit';

// The central server's schema: PostgreSQL (and PGlite), apart from the till's SQLite.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.ts',
  out: './server/migrations',
});
