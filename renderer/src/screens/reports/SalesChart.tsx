/**
 * Charts use recharts: the most used React chart library, kept up to date
 * (3.x declares React 19 as a peer and builds cleanly under Vite 8), made of
 * plain SVG (crisp at any zoom, no canvas), with the axis and tooltip
 * formatters we need to show money in the store's locale.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { money, plainMoney, tn, useT } from '../../i18n';

export interface ChartPoint {
  readonly label: string;
  /** The tooltip's heading: a full date or an hour. */
  readonly title: string;
  readonly count: number;
  readonly total: number;
}

function Tip({ active, payload }: Partial<TooltipContentProps<number, string>>) {
  useT(); // re-render in the new language
  const point = payload?.[0]?.payload as ChartPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tip">
      <strong>{point.title}</strong>
      <span className="num">{money(point.total)}</span>
      <span className="muted">{tn('reports.totals.howMany', point.count)}</span>
    </div>
  );
}

/** Sales totals as bars; the tooltip gives the amount and the number of sales. */
export function SalesChart({
  title,
  points,
  color,
}: {
  readonly title: string;
  readonly points: readonly ChartPoint[];
  readonly color: string;
}) {
  const t = useT();
  return (
    <figure className="card chart" aria-label={title}>
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      {points.length === 0 ? (
        <p className="empty">{t('reports.noSales')}</p>
      ) : (
        <div className="chart-box">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={[...points]} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#dcd5c6" />
              <XAxis
                dataKey="label"
                tickLine={false}
                interval="preserveStartEnd"
                minTickGap={4}
                fontSize={12}
              />
              <YAxis
                allowDecimals={false}
                tickFormatter={(v: number) => plainMoney(Math.round(v))}
                width={78}
                fontSize={12}
              />
              <Tooltip content={<Tip />} cursor={{ fill: 'rgb(15 95 88 / 8%)' }} />
              <Bar dataKey="total" fill={color} radius={[4, 4, 0, 0]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
