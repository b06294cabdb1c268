// `npm run start:sip2`: the portal on CIRCULATION=sip2 in front of the project's own SIP2
// server holding the demo patrons and loans (apps/bff/src/cli/demo-ils.ts) — to see the
// mode work in a minute. The portal's own data (sessions, calendar…) goes to .data/sip2-demo,
// apart from `npm start`'s. A real ILS: see README, "Running in front of the library's ILS".
import { installAndBuild, root, spawnBffScript } from './start-steps.mjs';

const ilsPort = process.env.SIP2_DEMO_PORT ?? '6001';

installAndBuild();

console.info(`\n▶ starting the demo ILS (SIP2) on 127.0.0.1:${ilsPort}`);
const children = [];
const ils = spawnBffScript('src/cli/demo-ils.ts', {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, SIP2_DEMO_PORT: ilsPort },
});
children.push(ils);
await new Promise((resolve, reject) => {
  ils.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (chunk.toString().includes('demo ILS')) resolve();
  });
  ils.once('exit', (code) => reject(new Error(`the demo ILS exited with ${code}`)));
}).catch((error) => {
  console.error(`✖ ${error.message}`);
  process.exit(1);
});

console.info('\n▶ starting the portal (CIRCULATION=sip2)');
const server = spawnBffScript('src/index.ts', {
  stdio: 'inherit',
  env: {
    DATA_DIR: `${root}.data/sip2-demo`,
    SIP2_REASON_PATTERNS: `${root}docs/sip2-reason-patterns.example.json`,
    ...process.env,
    CIRCULATION: 'sip2',
    SIP2_HOST: '127.0.0.1',
    SIP2_PORT: ilsPort,
    SIP2_USER: 'portal',
    SIP2_PASSWORD: 'portal-secret',
    SIP2_INSTITUTION: 'YANAGAWA',
  },
});
children.push(server);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
}
server.on('exit', (code, signal) => {
  ils.kill('SIGTERM');
  process.exit(code ?? (signal ? 1 : 0));
});
ils.on('exit', () => server.kill('SIGTERM'));
