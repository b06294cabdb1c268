// pnpm --filter @library/bench exec tsx src/profile-summary.ts <file.cpuprofile> [--top 30]
// Where a CPU profile of the BFF (`npm run bench -- --profile`) spent its time, idle left out:
// self time by package (or by folder of ours) and the functions that cost the most.
import { readFileSync } from 'node:fs';
import { parseArgs, positiveInt } from './args.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package a script belongs to, or the folder of ours, or what V8 calls it. */
function categoryOf(url: string, functionName: string): string {
  if (!url) return functionName; // (garbage collector), (program), (idle), native builtins
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/').slice(0, 2).join('/')}`;
  const ours = /\/(apps\/[^/]+\/src\/[^/]+|packages\/[^/]+)\//.exec(url);
  if (ours) return ours[1]!;
  return url;
}

function summarize(profile: Profile, top: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    busy += micros;
    const category = categoryOf(url, functionName);
    categories.set(category, (categories.get(category) ?? 0) + micros);
    const name = `${functionName || '(anonymous)'} ${category}${url ? `:${lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  const total = profile.timeDeltas.reduce((a, b) => a + b, 0);
  const share = (m: number) => `${((100 * m) / busy).toFixed(1).padStart(5)} %`;
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `busy ${(busy / 1e6).toFixed(2)} s of ${(total / 1e6).toFixed(2)} s profiled`,
    '',
    'self time by package / folder:',
    ...sorted(categories).map(([c, m]) => `${share(m)}  ${c}`),
    '',
    'self time by function:',
    ...sorted(functions).map(([f, m]) => `${share(m)}  ${f}`),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2).filter((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  const args = parseArgs(
    process.argv.slice(2).filter((a) => !files.includes(a)),
    { top: '30' },
  );
  if (files.length === 0) throw new Error('name a .cpuprofile file');
  for (const file of files) {
    console.info(
      `# ${file}\n${summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile, positiveInt(args.top, 'top'))}\n`,
    );
  }
}
