/** The business date of every benchmark run (the library guide's day), so runs compare. */
export const BENCH_TODAY = '2021-01-20';

/** One line per batch, on stderr, so a long seed shows it is moving. */
export function consoleProgress() {
  const started = performance.now();
  return (table: string, done: number, total: number) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(`  ${table.padEnd(8)} ${String(done).padStart(9)} / ${total}  (${seconds} s)\n`);
  };
}
