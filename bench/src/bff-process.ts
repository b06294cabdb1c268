import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface BffProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts the real BFF (`node --import tsx apps/bff/src/index.ts`) on a free port of 127.0.0.1,
 * its output going to `logFile`; resolves once it prints where it listens.
 */
export async function startBff(options: {
  env: Record<string, string>;
  logFile: string;
  timeoutMs?: number;
  /** e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] to profile the BFF under load. */
  nodeArgs?: string[];
}): Promise<BffProcess> {
  const out = openSync(options.logFile, 'w');
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', 'src/index.ts'],
    {
      cwd: `${repoRoot}apps/bff`,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DEMO_DATA: 'false', ...options.env },
      stdio: ['ignore', out, out],
    },
  );
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let exited: number | null = null;
  child.on('exit', (code) => {
    exited = code ?? -1;
  });
  for (;;) {
    const log = readFileSync(options.logFile, 'utf8');
    const match = /http:\/\/localhost:(\d+)/.exec(log);
    if (match) {
      const url = `http://127.0.0.1:${match[1]}`;
      return {
        url,
        pid: child.pid!,
        stop: () =>
          new Promise<void>((resolve) => {
            if (exited !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      };
    }
    if (exited !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the BFF did not start (exit ${exited}); its log:\n${log.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
