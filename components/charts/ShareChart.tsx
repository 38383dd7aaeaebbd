import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';

// A small chart of shares (0..1), drawn on the server as plain SVG: no chart code reaches the
// phone. Accessible as an image with a title and a description that names every value, and the
// same figures as a table behind a disclosure (WCAG 1.1.1: the chart is not the only way to read them).

/** `value` is drawn beside the bar; `spoken` (default: value) is what the description says. */
export type ShareBar = { key: string; label: string; share: number | null; value: string; spoken?: string };

type Props = {
  id: string;
  title: string;
  /** One sentence on what the bars are; the values are appended for screen readers. */
  description: string;
  bars: ShareBar[];
  /** Rows: one horizontal bar per category (stages, groups); columns: a time series (months). */
  layout: 'rows' | 'columns';
  table: { showLabel: string; headers: string[]; rows: string[][] };
  empty: string;
};

const WIDTH = 320;
const ROW = 26;
const LABEL_W = 112;
const VALUE_W = 44;
const COLUMNS_H = 150;
const AXIS_H = 18;
const TOP = 14;

export function ShareChart({ id, title, description, bars, layout, table, empty }: Props) {
  const titleId = `${id}-title`;
  return (
    <figure aria-labelledby={titleId} className="flex flex-col gap-2">
      <figcaption id={titleId} className="font-semibold">
        {title}
      </figcaption>
      {bars.length === 0 ? (
        <p className="text-stone-700">{empty}</p>
      ) : (
        <svg viewBox={`0 0 ${WIDTH} ${layout === 'rows' ? bars.length * ROW + 4 : COLUMNS_H}`} role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`} className="h-auto w-full max-w-xl" data-testid={`chart-${id}`}>
          <title id={`${id}-t`}>{title}</title>
          <desc id={`${id}-d`}>{`${description} ${bars.map((b) => `${b.label}: ${b.spoken ?? b.value}`).join('; ')}.`}</desc>
          {layout === 'rows' ? <Rows bars={bars} /> : <Columns bars={bars} />}
        </svg>
      )}
      {bars.length > 0 && (
        <details>
          <summary className="min-h-11 cursor-pointer py-2 text-brand-700 underline">{table.showLabel}</summary>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr className="border-b border-stone-300">
                  {table.headers.map((h, i) => (
                    <th key={h} scope="col" className={i === 0 ? 'py-1 pr-2' : 'py-1 pr-2 text-right'}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map(([head, ...cells], r) => (
                  <tr key={`${r}-${head}`} className="border-b border-stone-100">
                    <th scope="row" className="py-1 pr-2 font-medium">
                      {head}
                    </th>
                    {cells.map((c, i) => (
                      <td key={i} className="py-1 pr-2 text-right tabular-nums">
                        {c}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}

function Rows({ bars }: { bars: ShareBar[] }) {
  const x = scaleLinear({ domain: [0, 1], range: [0, WIDTH - LABEL_W - VALUE_W] });
  const y = scaleBand({ domain: bars.map((b) => b.key), range: [0, bars.length * ROW], padding: 0.25 });
  return (
    <Group left={0} top={2}>
      {bars.map((b) => {
        const top = y(b.key) ?? 0;
        return (
          <g key={b.key}>
            <text x={LABEL_W - 6} y={top + y.bandwidth() / 2} textAnchor="end" dominantBaseline="middle" fontSize={11} className="fill-stone-800">
              {b.label.length > 18 ? `${b.label.slice(0, 17)}…` : b.label}
            </text>
            <Bar x={LABEL_W} y={top} width={x(1)} height={y.bandwidth()} className="fill-stone-100" />
            {b.share !== null && <Bar x={LABEL_W} y={top} width={Math.max(1, x(b.share))} height={y.bandwidth()} className="fill-brand-700" />}
            <text x={WIDTH - VALUE_W + 4} y={top + y.bandwidth() / 2} dominantBaseline="middle" fontSize={11} className="fill-stone-800">
              {b.value}
            </text>
          </g>
        );
      })}
    </Group>
  );
}

function Columns({ bars }: { bars: ShareBar[] }) {
  const plot = COLUMNS_H - AXIS_H - TOP;
  const x = scaleBand({ domain: bars.map((b) => b.key), range: [0, WIDTH], padding: 0.2 });
  const y = scaleLinear({ domain: [0, 1], range: [plot, 0] });
  return (
    <Group top={TOP}>
      <Line from={{ x: 0, y: plot }} to={{ x: WIDTH, y: plot }} strokeWidth={1} className="stroke-stone-400" />
      {bars.map((b) => {
        const left = x(b.key) ?? 0;
        const mid = left + x.bandwidth() / 2;
        return (
          <g key={b.key}>
            {b.share !== null && <Bar x={left} y={y(b.share)} width={x.bandwidth()} height={Math.max(1, plot - y(b.share))} className="fill-brand-700" />}
            <text x={mid} y={b.share === null ? plot - 4 : y(b.share) - 3} textAnchor="middle" fontSize={bars.length > 8 ? 9 : 11} className="fill-stone-800">
              {b.value}
            </text>
            <text x={mid} y={plot + 13} textAnchor="middle" fontSize={bars.length > 8 ? 9 : 11} className="fill-stone-700">
              {b.label}
            </text>
          </g>
        );
      })}
    </Group>
  );
}
