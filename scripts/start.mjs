// `npm start`: install if needed, build the SPA, then run the BFF (migrations, demo data,
// http://localhost:8080) — on a fresh machine with only Node.js 20.
import { installAndBuild, spawnBffScript } from './start-steps.mjs';

installAndBuild();

console.info('\n▶ starting the server');
const server = spawnBffScript('src/index.ts', { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
