import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Evergreen's SIPServer (the test peer beside the project, never copied into it): where it is,
 * and how to start and stop it. `SIP2_PEER_DIR` overrides the default `../shared/sip2-peer`
 * (relative to the repository root).
 */
export function sip2PeerDir(): string {
  const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
  return process.env.SIP2_PEER_DIR ?? resolve(repoRoot, '../shared/sip2-peer');
}

/** Why the peer cannot run here, or null when it can. */
export function sip2PeerMissing(dir = sip2PeerDir()): string | null {
  if (!existsSync(resolve(dir, 'start.sh'))) return `the SIP2 peer is not at ${dir} (set SIP2_PEER_DIR)`;
  if (spawnSync('perl', ['-e', '1']).status !== 0) return 'perl is not installed';
  return null;
}

/** A free port in 16100–16199 (the range reserved for these tests). */
export async function freePort(from = 16100, to = 16199): Promise<number> {
  const offset = Math.floor(Math.random() * (to - from + 1));
  for (let i = 0; i <= to - from; i++) {
    const port = from + ((offset + i) % (to - from + 1));
    const free = await new Promise<boolean>((done) => {
      const server = net.createServer();
      server.once('error', () => done(false));
      server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${to}`);
}

export interface RunningPeer {
  port: number;
  /** The peer's process group (its main process's pid). */
  pid: number;
  stop(): Promise<void>;
}

interface PeerOptions {
  dir?: string;
  /** Per try (there are two unless `port` is fixed). */
  timeoutMs?: number;
  /** A fixed port (no second try), or a range to pick a free one from (default 16100–16199). */
  port?: number;
  ports?: [from: number, to: number];
  children?: number;
}

/**
 * Starts the peer (`start.sh PORT data.json`) in its own process group; resolves once it accepts
 * connections and has `children` (default 8) server processes waiting.
 *
 * Why `children`: the peer is a Net::Server::PreFork server (2 processes at start, one more
 * spawned per connection beyond that). Its parent reads its children's status lines with a
 * buffered readline after select(), so when two lines arrive together it misses one, believes
 * a process is still free and spawns none: a burst of new connections (a pool of 4 logging in
 * at once) can then wait in the listen queue until some other connection closes. We size the
 * pool up front with SIGTTIN (Net::Server's documented "one more server" signal) instead.
 */
export async function startSip2Peer(dataFile: string, options: PeerOptions = {}): Promise<RunningPeer> {
  try {
    return await startOnce(dataFile, options);
  } catch (first) {
    // freePort's answer can be taken before perl binds it, and a loaded machine can be slow to
    // fork: one more try on a fresh port, and both reasons if that fails too.
    if (options.port !== undefined) throw first;
    try {
      return await startOnce(dataFile, options);
    } catch (second) {
      throw new Error(`the SIP2 peer did not start twice: ${String(first)}; then ${String(second)}`);
    }
  }
}

async function startOnce(dataFile: string, options: PeerOptions): Promise<RunningPeer> {
  const dir = options.dir ?? sip2PeerDir();
  const port = options.port ?? (await freePort(...(options.ports ?? [])));
  const child: ChildProcess = spawn('bash', [resolve(dir, 'start.sh'), String(port), dataFile], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  let exited: number | null | undefined;
  const exit = new Promise<void>((done) =>
    child.once('exit', (code) => {
      exited = code;
      done();
    }),
  );
  const stop = async () => {
    if (exited === undefined && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      const timer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {}
      }, 5000);
      await exit;
      clearTimeout(timer);
    }
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (exited !== undefined) throw new Error(`the SIP2 peer exited (${exited}): ${stderr}`);
    const up = await new Promise<boolean>((done) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    });
    if (up) {
      try {
        await spawnChildren(child.pid!, options.children ?? 8, deadline);
      } catch (error) {
        await stop();
        throw error;
      }
      return { port, pid: child.pid!, stop };
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the SIP2 peer did not accept connections on ${port}: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Server processes of the peer's PreFork parent. */
function childrenOf(pid: number): number {
  const out = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' });
  return out.stdout.split('\n').filter((line) => line.trim() !== '').length;
}

/**
 * One SIGTTIN at a time (Net::Server folds signals that arrive together into one). A signal that
 * arrives while the parent is busy can be lost outright, so one that has spawned nothing after
 * a second is sent again (one process too many is harmless; waiting for a lost one is not).
 */
async function spawnChildren(pid: number, wanted: number, deadline: number): Promise<void> {
  let have = childrenOf(pid);
  while (have < wanted) {
    process.kill(pid, 'SIGTTIN'); // min_servers and max_servers + 1
    const before = have;
    const resendAt = Date.now() + 1000;
    while (have <= before && Date.now() < resendAt) {
      if (Date.now() > deadline)
        throw new Error(`the SIP2 peer did not start ${wanted} server processes (it has ${have})`);
      await new Promise((r) => setTimeout(r, 20));
      have = childrenOf(pid);
    }
  }
}
