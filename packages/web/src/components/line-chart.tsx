import type { ReactNode } from 'react';

export interface LinePoint {
  label: string;
  value: number;
}

/**
 * A small line chart in SVG (goal progress over visits), with the points listed for screen readers. With no points,
 * or only zeros, it says so in words instead of drawing an empty axis.
 * @param props - title, points in order, the y maximum, a formatter and the words for no data
 */
export function LineChart(props: {
  title: string;
  points: LinePoint[];
  max?: number;
  format?: (v: number) => string;
  empty?: string;
}): ReactNode {
  if (props.points.every((p) => p.value === 0))
    return (
      <figure className="chart">
        <figcaption>{props.title}</figcaption>
        <p className="muted">{props.empty ?? 'No data yet.'}</p>
      </figure>
    );
  const fmt = props.format ?? String;
  const w = 320;
  const h = 120;
  const max = props.max ?? Math.max(1, ...props.points.map((p) => p.value));
  const n = props.points.length;
  const x = (i: number): number => 30 + (n <= 1 ? 0 : (i * (w - 40)) / (n - 1));
  const y = (v: number): number => h - (v / max) * (h - 10);
  const d = props.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${w} ${h + 24}`} role="img" aria-label={props.title}>
        <line x1="30" y1={h} x2={w} y2={h} stroke="#94a3b8" />
        <text x="26" y="12" textAnchor="end" fontSize="10">
          {fmt(max)}
        </text>
        <path d={d} fill="none" stroke="#2563eb" strokeWidth="2" />
        {props.points.map((p, i) => (
          <g key={`${p.label}-${p.value}-${x(i)}`}>
            <circle cx={x(i)} cy={y(p.value)} r="3.5" fill="#2563eb">
              <title>{`${p.label}: ${fmt(p.value)}`}</title>
            </circle>
            <text x={x(i)} y={h + 14} textAnchor="middle" fontSize="9">
              {p.label}
            </text>
          </g>
        ))}
      </svg>
      <ol className="sr-only" style={{ listStyle: 'none' }}>
        {props.points.map((p, i) => (
          <li key={`${p.label}-${p.value}-${x(i)}`}>{`${p.label}: ${fmt(p.value)}`}</li>
        ))}
      </ol>
    </figure>
  );
}
