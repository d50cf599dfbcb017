import { useEffect, useRef } from 'react';
import type { Chart as ChartClass } from 'chart.js';

// Charts are drawn by Chart.js, loaded on first use so the rest of the console does not carry it (only the
// parts these charts need: chart-setup.ts). The canvas carries the series the chart instance
// holds (data-series), read back from the instance after it is built: what a test compares with the table.

export interface Series {
  label: string;
  data: (number | null)[];
}

let loading: Promise<typeof ChartClass> | undefined;
function loadChart() {
  loading ??= import('./chart-setup').then((m) => m.Chart);
  return loading;
}

const COLOURS = ['#0b5cad', '#b45309', '#0f766e', '#7c3aed', '#be123c', '#4d7c0f', '#a16207', '#0369a1', '#9d174d', '#334155'];
const colourOf = (index: number) => COLOURS[index % COLOURS.length]!;

/** `drawn` names what is drawn (the report's range, grouping and group): written with the series once they are. */
export function ReportChart(props: {
  title: string;
  type: 'bar' | 'line';
  labels: string[];
  series: Series[];
  stacked?: boolean;
  yTitle: string;
  drawn: string;
}) {
  const { title, type, labels, series, stacked = false, yTitle, drawn } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: ChartClass | undefined;
    let cancelled = false;
    const element = canvas.current;
    void loadChart().then((Chart) => {
      if (cancelled || !element) return;
      chart = new Chart(element, {
        type,
        data: {
          labels,
          datasets: series.map((s, i) => ({
            label: s.label,
            data: s.data,
            backgroundColor: colourOf(i),
            borderColor: colourOf(i),
            spanGaps: true,
          })),
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          // Bars are counts: whole numbers on their axis.
          scales: {
            x: { stacked },
            y: { stacked, beginAtZero: true, title: { display: true, text: yTitle }, ticks: { precision: type === 'bar' ? 0 : 1 } },
          },
          plugins: { legend: { position: 'bottom' } },
        },
      });
      element.dataset.series = JSON.stringify(chart.data.datasets.map((d) => ({ label: d.label, data: d.data })));
      element.dataset.labels = JSON.stringify(chart.data.labels);
      element.dataset.drawn = drawn;
    });
    return () => {
      cancelled = true;
      chart?.destroy();
      // Until the next chart is drawn, the canvas holds no series a reader could take for the new ones.
      if (element) {
        delete element.dataset.series;
        delete element.dataset.labels;
        delete element.dataset.drawn;
      }
    };
  }, [type, labels, series, stacked, yTitle, drawn]);
  return (
    <figure className="report-chart card">
      <figcaption>{title}</figcaption>
      <div className="report-chart-box">
        <canvas ref={canvas} role="img" aria-label={`Chart: ${title}`} data-chart={title} />
      </div>
    </figure>
  );
}
