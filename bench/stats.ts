/** Timing helpers and the results table shared by the benchmarks. */
import { performance } from 'node:perf_hooks';

/** The manager account of the bench database (made by bench/run.ts). */
export const BENCH_MANAGER = { email: 'bench@incubator.pk', password: 'correct horse battery staple' };

export interface Row {
  area: string;
  measure: string;
  unit: 'ms' | 's' | 'rows/s' | 'ops/s' | 'MB';
  median: number;
  min?: number;
  max?: number;
  /** e.g. "p95 14.2 ms" */
  extra?: string;
  reference?: string;
  /** measured ÷ reference, where both are measured in this run */
  ratio?: number;
  target?: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `fn` `runs` times (after one warm-up) and returns the durations in ms. */
export async function timeRuns(runs: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

export function summarise(times: number[]): Pick<Row, 'median' | 'min' | 'max'> {
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

export function formatTable(rows: Row[]): string {
  const lines = [
    '| Area | Measure | Median (min–max) | Also | Reference | Ratio | Target |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const range = r.min !== undefined && r.max !== undefined ? ` (${fmt(r.min)}–${fmt(r.max)})` : '';
    lines.push(
      `| ${r.area} | ${r.measure} | ${fmt(r.median)} ${r.unit}${range} | ${r.extra ?? ''} | ${r.reference ?? ''} | ${
        r.ratio !== undefined ? `${r.ratio < 0.01 ? r.ratio.toPrecision(2) : r.ratio.toFixed(2)}×` : ''
      } | ${r.target ?? ''} |`,
    );
  }
  return lines.join('\n');
}
