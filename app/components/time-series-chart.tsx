'use client';

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useMemo, useRef } from 'react';

// Only what the dashboards draw: keeps chart.js's share of the bundle small.
Chart.register(LineController, BarController, LineElement, BarElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend, Filler);

export type ChartSeries = {
  label: string;
  values: ReadonlyArray<number | null>;
  /** A design-system colour: ok, warn, bad, info, accent or muted. */
  color: 'ok' | 'warn' | 'bad' | 'info' | 'accent' | 'muted';
  kind?: 'line' | 'bar';
  /** A dashed line (a limit such as configured memory). */
  dashed?: boolean;
};

type Props = {
  title: string;
  /** Bucket start times (ISO). */
  times: readonly string[];
  series: readonly ChartSeries[];
  unit: string;
  /** What the chart shows, in words, for screen readers and as its caption. */
  summary: string;
  stacked?: boolean;
};

/**
 * The one chart.js wrapper: creates the chart once, updates it in place when the data changes
 * (the page refreshes itself), follows the light/dark theme, destroys it on unmount. Every chart
 * carries a text summary and a table view of its numbers.
 */
export function TimeSeriesChart({ title, times, series, unit, summary, stacked = false }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  const withDate = times.length > 1 && Date.parse(times[times.length - 1] ?? '') - Date.parse(times[0] ?? '') >= 86_400_000;
  const labels = useMemo(() => times.map((time) => formatTick(time, withDate)), [times, withDate]);

  useEffect(() => {
    const create = () => {
      chart.current?.destroy();
      chart.current = canvas.current ? new Chart(canvas.current, configuration(labels, series, unit, stacked, readPalette())) : null;
    };
    create();
    // A theme switch redraws the chart in the new colours (chart.js resolves colours when it builds elements).
    const observer = new MutationObserver(create);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      observer.disconnect();
      chart.current?.destroy();
      chart.current = null;
    };
    // Created once (and on theme changes); the effect below updates it in place.
  }, []);

  useEffect(() => {
    const current = chart.current;
    if (!current) return;
    current.data.labels = labels;
    series.forEach((entry, index) => {
      const dataset = current.data.datasets[index];
      if (dataset) dataset.data = [...entry.values];
    });
    current.update('none');
  }, [labels, series]);

  return (
    <figure className="card" style={{ margin: 0 }}>
      <h2>{title}</h2>
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={`${title}: ${summary}`} />
      </div>
      <figcaption className="chart-summary">{summary}</figcaption>
      <details className="table-view">
        <summary>Table view</summary>
        <div className="table-scroll">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Time</th>
                {series.map((entry) => (
                  <th scope="col" className="num" key={entry.label}>
                    {entry.label} ({unit})
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {times.map((time, row) => (
                <tr key={time}>
                  <td>{formatTick(time, true)} UTC</td>
                  {series.map((entry) => (
                    <td className="num" key={entry.label}>
                      {formatCell(entry.values[row] ?? null)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

type Palette = { colors: Record<ChartSeries['color'], string>; text: string; grid: string };

function readPalette(): Palette {
  const style = getComputedStyle(document.documentElement);
  const token = (name: string) => style.getPropertyValue(`--${name}`).trim();
  return {
    colors: { ok: token('ok'), warn: token('warn'), bad: token('bad'), info: token('info'), accent: token('accent'), muted: token('text-muted') },
    text: token('text-muted'),
    grid: token('border'),
  };
}

function configuration(labels: string[], series: readonly ChartSeries[], unit: string, stacked: boolean, palette: Palette): ChartConfiguration {
  return {
    type: 'line',
    data: {
      labels,
      datasets: series.map((entry) => {
        const color = palette.colors[entry.color];
        return {
          type: entry.kind ?? 'line',
          label: entry.label,
          data: [...entry.values],
          borderColor: color,
          backgroundColor: entry.kind === 'bar' ? color : `${color}22`,
          borderWidth: entry.kind === 'bar' ? 0 : 1.75,
          // A value between two gaps would be invisible as a line: it gets a dot.
          pointRadius: (context: { dataIndex: number; dataset: { data: unknown[] } }) => {
            const data = context.dataset.data;
            const at = context.dataIndex;
            return data[at] !== null && (data[at - 1] ?? null) === null && (data[at + 1] ?? null) === null ? 2.5 : 0;
          },
          pointHitRadius: 6,
          tension: 0.25,
          spanGaps: false,
          borderDash: entry.dashed ? [6, 4] : [],
          stack: stacked && entry.kind === 'bar' ? 'stack' : undefined,
        };
      }),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12, color: palette.text } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${formatCell(item.parsed.y)} ${unit}` } },
      },
      scales: {
        x: { stacked, ticks: { maxTicksLimit: 8, maxRotation: 0, color: palette.text }, grid: { display: false } },
        y: { stacked, beginAtZero: true, ticks: { maxTicksLimit: 5, color: palette.text, callback: (value) => formatCell(Number(value)) }, grid: { color: palette.grid } },
      },
    },
  };
}

/** UTC, like every time on the pages (and the same on the server and in the browser): "08:31", or "Nov 22 08:31" past a day. */
function formatTick(iso: string, withDate: boolean): string {
  const date = new Date(iso);
  const time = date.toISOString().slice(11, 16);
  return withDate ? `${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCDate()} ${time}` : time;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function formatCell(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '–';
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  // Costs per bucket are tiny: two significant digits say more than a row of zeros.
  if (Math.abs(value) < 0.01) return value.toPrecision(2);
  return value.toLocaleString('en-US', { maximumFractionDigits: value < 1 ? 4 : 1 });
}
