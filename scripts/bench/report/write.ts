// <out>/<timestamp>.json (every figure, the options, the machine) and <out>/<timestamp>.svg, and the same as
// latest.json / latest.svg.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchOptions } from '../cli';
import type { MachineInfo } from '../measure/machine';
import type { StepResult } from '../step';
import { renderChart } from './chart';

export async function writeReports(report: {
  outDir: string;
  stamp: string;
  options: BenchOptions;
  namespace: string;
  machine: MachineInfo;
  results: StepResult[];
  baselineCeiling: number | null;
  extra: Record<string, unknown>;
}): Promise<string[]> {
  mkdirSync(report.outDir, { recursive: true });
  const json = path.join(report.outDir, `${report.stamp}.json`);
  const svg = path.join(report.outDir, `${report.stamp}.svg`);
  const { outDir: _outDir, ...content } = report;
  writeFileSync(json, `${JSON.stringify({ ...content, finishedAt: new Date().toISOString() }, null, 2)}\n`);
  writeFileSync(svg, await renderChart(report.results, report.machine));
  copyFileSync(json, path.join(report.outDir, 'latest.json'));
  copyFileSync(svg, path.join(report.outDir, 'latest.svg'));
  return [json, svg];
}
