/**
 * A small benchmark harness: runs a function many times after a warm-up and
 * reports percentiles, so `npm run bench` prints figures comparable between
 * runs. Benchmarks are not tests: they report, the issue notes compare.
 */

export interface Measurement {
  readonly name: string;
  readonly samples: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly target?: string;
  readonly pass?: boolean;
  readonly note?: string;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(index, 0)]!;
}

export function summarize(name: string, durationsMs: number[]): Measurement {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  return {
    name,
    samples: sorted.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
  };
}

export async function measure(
  name: string,
  iterations: number,
  run: (i: number) => unknown,
  warmup = Math.min(200, Math.ceil(iterations / 10)),
): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await run(i);
  const durations: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await run(i);
    durations.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return summarize(name, durations);
}

/**
 * Runs two contenders in turn, one call each per round, so both see the same
 * cache and disk state (measured one after the other, the second one gains).
 */
export async function measurePair(
  names: readonly [string, string],
  runs: readonly [() => unknown, () => unknown],
  iterations: number,
  warmup: number,
): Promise<[Measurement, Measurement]> {
  for (let i = 0; i < warmup; i++) for (const run of runs) await run();
  const durations: [number[], number[]] = [[], []];
  for (let i = 0; i < iterations; i++) {
    for (const k of [0, 1] as const) {
      const start = process.hrtime.bigint();
      await runs[k]();
      durations[k].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return [summarize(names[0], durations[0]), summarize(names[1], durations[1])];
}

/** Marks a measurement against its target: `p99 ≤ 0.2 ms` and so on. */
export function against(
  m: Measurement,
  stat: 'medianMs' | 'p95Ms' | 'p99Ms',
  limitMs: number,
): Measurement {
  const label = stat === 'medianMs' ? 'median' : stat === 'p95Ms' ? 'p95' : 'p99';
  return { ...m, target: `${label} ≤ ${limitMs} ms`, pass: m[stat] <= limitMs };
}

function fixed(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(3);
}

export function printTable(title: string, rows: readonly Measurement[]): void {
  const header = ['benchmark', 'n', 'median ms', 'p95 ms', 'p99 ms', 'target', 'result'];
  const body = rows.map((r) => [
    r.name + (r.note ? ` (${r.note})` : ''),
    String(r.samples),
    fixed(r.medianMs),
    fixed(r.p95Ms),
    fixed(r.p99Ms),
    r.target ?? '',
    r.pass === undefined ? '' : r.pass ? 'ok' : 'MISSED',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of body) console.log(line(row));
}
