// What `npm start` and `npm run start:sip2` share: install if needed, build the SPA, run the BFF.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pnpm } from './pnpm.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs pnpm with `args` under a heading; a failure ends the whole script with its status. */
function step(label, args) {
  console.info(`\n▶ ${label}`);
  const status = pnpm(args, { cwd: root });
  if (status !== 0) {
    console.error(`✖ ${label} failed (exit ${status})`);
    process.exit(status);
  }
}

export function installAndBuild() {
  step('installing dependencies', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=silent']);
  step('building the web app', ['--filter', '@library/web', 'run', 'build']);
}

/** A TypeScript entry point of apps/bff (`src/index.ts`: the server) run with tsx. */
export function spawnBffScript(entry, options) {
  return spawn(process.execPath, ['--import', 'tsx', entry], { cwd: `${root}apps/bff`, ...options });
}
