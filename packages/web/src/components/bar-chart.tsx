import type { ReactNode } from 'react';

export interface BarSeries {
  name: string;
  values: number[];
}

const PALETTE = ['#2563eb', '#d97706', '#059669', '#7c3aed', '#db2777', '#0891b2'];
const PATTERNS = ['', '4 2', '1 2', '6 2 1 2', '2 2', '8 3'];

/**
 * A small grouped bar chart in SVG with a visually hidden table for screen readers. Series differ by colour and
 * by outline dash, so the chart reads without colour too.
 * @param props - title, category labels, series, and a value formatter
 */
export function BarChart(props: {
  title: string;
  labels: string[];
  series: BarSeries[];
  format?: (v: number) => string;
  height?: number;
}): ReactNode {
  const fmt = props.format ?? String;
  const h = props.height ?? 180;
  const w = Math.max(320, props.labels.length * Math.max(28, props.series.length * 14) + 60);
  const max = Math.max(1, ...props.series.flatMap((s) => s.values));
  const groupW = (w - 50) / Math.max(1, props.labels.length);
  const barW = Math.max(4, (groupW - 8) / Math.max(1, props.series.length));
  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${w} ${h + 30}`} role="img" aria-label={props.title} preserveAspectRatio="xMinYMin meet">
        <line x1="40" y1={h} x2={w} y2={h} stroke="#94a3b8" />
        <text x="36" y="12" textAnchor="end" fontSize="10">
          {fmt(max)}
        </text>
        <text x="36" y={h} textAnchor="end" fontSize="10">
          0
        </text>
        {props.labels.map((label, i) => (
          <g key={label} transform={`translate(${44 + i * groupW},0)`}>
            {props.series.map((s, j) => {
              const v = s.values[i] ?? 0;
              const bh = (v / max) * (h - 10);
              return (
                <rect
                  key={s.name}
                  x={j * barW}
                  y={h - bh}
                  width={barW - 2}
                  height={bh}
                  fill={PALETTE[j % PALETTE.length]}
                  stroke="#0f172a"
                  strokeDasharray={PATTERNS[j % PATTERNS.length]}
                >
                  <title>{`${s.name}, ${label}: ${fmt(v)}`}</title>
                </rect>
              );
            })}
            <text x={groupW / 2 - 4} y={h + 14} textAnchor="middle" fontSize="10">
              {label}
            </text>
          </g>
        ))}
      </svg>
      {props.series.length > 1 && (
        <ul className="legend" aria-hidden="true">
          {props.series.map((s, j) => (
            <li key={s.name}>
              <span className="swatch" style={{ background: PALETTE[j % PALETTE.length] }} /> {s.name}
            </li>
          ))}
        </ul>
      )}
      <div className="sr-only">
        <table>
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              {props.series.map((s) => (
                <th key={s.name} scope="col">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {props.series.map((s) => (
                  <td key={s.name}>{fmt(s.values[i] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
