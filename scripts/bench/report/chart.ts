// answered/s and e2e p99 against offered rate, product and baseline side by side, rendered to SVG headlessly
// by vega-lite + vega (no browser, no canvas: text is measured by estimate).
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { MachineInfo } from '../measure/machine';
import type { StepResult } from '../step';

export async function renderChart(results: StepResult[], machine: MachineInfo): Promise<string> {
  const stepped = results.filter((r) => /^\d+$/.test(r.label));
  const offered = [...new Set(stepped.map((r) => r.offered))];
  const values = [
    ...offered.map((o) => ({ system: 'offered (ideal)', offered: o, metric: 'answered/s', value: o })),
    ...stepped.flatMap((r) => [
      { system: r.system, offered: r.offered, metric: 'answered/s', value: r.answeredPerS },
      ...(r.e2eP99 === null ? [] : [{ system: r.system, offered: r.offered, metric: 'e2e p99 (ms)', value: r.e2eP99 }]),
    ]),
  ];
  const panel = (metric: string, title: string, scale: object) => ({
    width: 420,
    height: 280,
    title,
    transform: [{ filter: `datum.metric === '${metric}'` }],
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'offered', type: 'quantitative', title: 'offered (msg/s)' },
      y: { field: 'value', type: 'quantitative', title: metric, scale },
      color: {
        field: 'system',
        type: 'nominal',
        title: 'system',
        scale: { domain: ['product', 'baseline', 'offered (ideal)'], range: ['#d62728', '#1f77b4', '#999999'] },
      },
      strokeDash: {
        field: 'system',
        type: 'nominal',
        legend: null,
        scale: {
          domain: ['product', 'baseline', 'offered (ideal)'],
          range: [
            [1, 0],
            [1, 0],
            [4, 4],
          ],
        },
      },
    },
  });
  const spec: vl.TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'npm run bench', subtitle: `${machine.nproc} cores, ${machine.cpuModel}, node ${machine.node}` },
    data: { values },
    hconcat: [panel('answered/s', 'answered/s vs offered', {}), panel('e2e p99 (ms)', 'end-to-end p99 vs offered', { type: 'symlog' })],
    background: 'white',
  } as vl.TopLevelSpec;
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
