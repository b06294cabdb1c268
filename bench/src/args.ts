/** `--name value` and `--flag` arguments (`--help` lists them); unknown names are refused so a typo is not ignored. */
export function parseArgs<T extends Record<string, string | boolean>>(argv: string[], defaults: T): T {
  const out: Record<string, string | boolean> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (arg === '--help' || arg === '-h') {
      const lines = Object.entries(defaults).map(([k, v]) =>
        typeof v === 'boolean'
          ? `  --${k} / --no-${k}  (default ${v ? 'on' : 'off'})`
          : `  --${k} <value>  (default ${v})`,
      );
      console.info(`arguments:\n${lines.join('\n')}`);
      process.exit(0);
    }
    const negated = /^--no-([a-z-]+)$/.exec(arg);
    if (negated && typeof defaults[negated[1]!] === 'boolean') {
      out[negated[1]!] = false;
      continue;
    }
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match || !(match[1]! in defaults)) {
      throw new Error(
        `unknown argument ${arg}; known: ${Object.keys(defaults)
          .map((k) => `--${k}`)
          .join(' ')}`,
      );
    }
    const name = match[1]!;
    if (typeof defaults[name] === 'boolean') out[name] = match[2] === undefined ? true : match[2] !== 'false';
    else {
      const value = match[2] ?? argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      out[name] = value;
    }
  }
  return out as T;
}

export function positiveInt(value: string, name: string): number {
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--${name} must be a positive whole number, got ${value}`);
  return n;
}
