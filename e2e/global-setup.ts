import { execSync } from 'node:child_process';

/** The tests drive the built renderer, so build it once before they start. */
export default function globalSetup(): void {
  execSync('npm run -s build:renderer', { stdio: 'inherit' });
}
