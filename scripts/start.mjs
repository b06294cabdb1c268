// `npm start`: install if needed, build the SPA, then run the BFF (migrations, demo data,
// http://localhost:8080) — on a fresh machine with only Node.js 20.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pnpm } from './pnpm.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function step(label, args) {
  console.info(`\n▶ ${label}`);
  const status = pnpm(args, { cwd: root });
  if (status !== 0) {
    console.error(`✖ ${label} failed (exit ${status})`);
    process.exit(status);
  }
}

step('installing dependencies', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=silent']);
step('building the web app', ['--filter', '@library/web', 'run', 'build']);

console.info('\n▶ starting the server');
const server = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
  cwd: `${root}apps/bff`,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
