// Runs the pinned pnpm without corepack (corepack cannot verify registry signatures here).
// Usage: node scripts/pnpm.mjs <args…>
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { packageManager } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
export const pnpmSpec = packageManager; // e.g. pnpm@12.4.2

export function pnpm(args, options = {}) {
  const result = spawnSync('npx', ['-y', pnpmSpec, ...args], { stdio: 'inherit', ...options });
  return result.status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(pnpm(process.argv.slice(2)));
}
