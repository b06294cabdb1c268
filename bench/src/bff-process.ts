import { type BffProcess, repoRoot, startBff as startBffProcess } from '@library/test-kit';

export { type BffProcess, repoRoot };

/**
 * The real BFF (packages/test-kit) as the bench runs it: this process's environment passed
 * on, no demo data unless `env` asks for it, its output in `logFile`.
 */
export function startBff(options: {
  env: Record<string, string>;
  logFile: string;
  /** e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] to profile the BFF under load. */
  nodeArgs?: string[];
}): Promise<BffProcess> {
  return startBffProcess({
    inheritEnv: true,
    env: { DEMO_DATA: 'false', ...options.env },
    logFile: options.logFile,
    nodeArgs: options.nodeArgs,
    timeoutMs: 60_000,
  });
}
