import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is packages/test-kit/src/bff-process.ts). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const bffDir = `${repoRoot}apps/bff`;

/** The descriptor the BFF's ready signal comes on (READY_FD in apps/bff/src/env.ts). */
const READY_FD = 3;
const STOP_GRACE_MS = 20_000;

export interface StartBffOptions {
  /** Names the process in messages (`bff-1`). */
  name?: string;
  /** Environment of the BFF, over the defaults PORT=0 and HOST=127.0.0.1. */
  env?: Record<string, string>;
  /**
   * `true`: start from this process's environment (the bench passes its settings on);
   * `false` (default): only PATH, HOME and TMPDIR, so a DATABASE_URL or LIBRARY_TODAY of the
   * calling shell cannot leak into the process under test.
   */
  inheritEnv?: boolean;
  /** e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] to profile the BFF under load. */
  nodeArgs?: string[];
  /** Where stdout and stderr go; unset → kept in memory (`output()`). */
  logFile?: string;
  /** How long start-up may take (PGlite, migrations and demo hashes: ≈ 15 s on a busy machine). */
  timeoutMs?: number;
}

export interface BffProcess {
  name: string;
  /** Where it listens, from its ready signal: `http://127.0.0.1:PORT`. */
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** What it printed so far (stdout and stderr, or the log file's content). */
  output(): string;
  alive(): boolean;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** SIGTERM, then waits for the exit (SIGKILL after 20 s); resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts the real BFF (`node --import tsx src/index.ts` in apps/bff) and resolves once it
 * listens. The BFF says so on a descriptor of its own (READY_FD=3): one JSON line
 * `{"event":"listening","url","port"}`, so nothing here reads the human banner or the logs.
 */
export function startBff(options: StartBffOptions = {}): Promise<BffProcess> {
  const name = options.name ?? 'bff';
  const base = options.inheritEnv
    ? process.env
    : { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR };
  const env: Record<string, string | undefined> = {
    ...base,
    PORT: '0',
    HOST: '127.0.0.1',
    ...options.env,
    READY_FD: String(READY_FD),
  };
  const log = options.logFile ? openSync(options.logFile, 'w') : 'pipe';
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'src/index.ts'], {
    cwd: bffDir,
    env,
    stdio: ['ignore', log, log, 'pipe'],
  });
  let captured = '';
  child.stdout?.on('data', (d) => {
    captured += d;
  });
  child.stderr?.on('data', (d) => {
    captured += d;
  });
  const output = () => (options.logFile ? readFileSync(options.logFile, 'utf8') : captured);

  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => {
      exitCode = code ?? (signal ? null : -1);
      resolve(exitCode);
    }),
  );
  const stop = async () => {
    if (exitCode !== undefined) return exitCode;
    child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    const code = await exited;
    clearTimeout(kill);
    return code;
  };

  return new Promise<BffProcess>((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 120_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start in ${timeoutMs / 1000} s:\n${output().slice(-4000)}`));
    }, timeoutMs);
    let signal = '';
    const ready = child.stdio[READY_FD] as NodeJS.ReadableStream;
    ready.setEncoding('utf8');
    ready.on('data', (chunk: string) => {
      signal += chunk;
      const line = signal.split('\n').find((l) => l.includes('"listening"'));
      if (!line) return;
      clearTimeout(timer);
      const { url, port } = JSON.parse(line) as { url: string; port: number };
      resolve({
        name,
        url,
        port,
        pid: child.pid!,
        child,
        output,
        alive: () => exitCode === undefined,
        exited,
        stop,
      });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before listening:\n${output().slice(-4000)}`));
    });
  });
}
