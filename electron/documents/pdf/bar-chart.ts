/**
 * A bar chart drawn with react-pdf's Svg (vector, so it prints sharp). The
 * axis labels are ordinary Text laid over the drawing: they use the embedded
 * font and wrap like any other text, which Svg text does not.
 */
import { createElement as h } from 'react';
import { G, Line, Rect, Svg, Text, View } from '@react-pdf/renderer';
import type { Bar } from '../content/types';

const AXIS = 46;
const BOTTOM = 14;

/** 1, 2 or 5 times a power of ten: the smallest such step that gives at most `ticks` lines. */
export function niceStep(max: number, ticks: number): number {
  if (max <= 0) return 1;
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  // Amounts are whole minor units: a step below one would print the same label twice.
  return Math.max(1, ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power);
}

export function BarChart(props: {
  bars: readonly Bar[];
  width: number;
  height: number;
  /** An axis value as printed (amounts in minor units → "1.234"). */
  formatValue: (value: number) => string;
  /** Which bars get an x label (every bar would crowd a year's chart). */
  labelEvery: number;
}) {
  const { bars, width, height } = props;
  const plotWidth = width - AXIS;
  const plotHeight = height - BOTTOM;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const step = niceStep(max, 4);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const slot = bars.length === 0 ? plotWidth : plotWidth / bars.length;
  const barWidth = Math.max(slot * 0.75, 0.4);
  const y = (value: number) => plotHeight - (value / top) * plotHeight;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);

  return h(
    View,
    { style: { width, height, position: 'relative' } },
    h(
      Svg,
      { width, height, viewBox: `0 0 ${width} ${height}` },
      h(
        G,
        null,
        ticks.map((t) =>
          h(Line, {
            key: `t${t}`,
            x1: AXIS,
            x2: width,
            y1: y(t),
            y2: y(t),
            stroke: t === 0 ? '#333333' : '#dddddd',
            strokeWidth: t === 0 ? 0.8 : 0.5,
          }),
        ),
        bars.map((bar, i) =>
          h(Rect, {
            key: `b${i}`,
            x: AXIS + i * slot + (slot - barWidth) / 2,
            y: y(Math.max(bar.value, 0)),
            width: barWidth,
            height: plotHeight - y(Math.max(bar.value, 0)),
            fill: '#1e6bb8',
          }),
        ),
      ),
    ),
    ...ticks.map((t) =>
      h(
        Text,
        {
          key: `yl${t}`,
          style: {
            position: 'absolute',
            left: 0,
            width: AXIS - 4,
            top: y(t) - 4,
            fontSize: 6.5,
            textAlign: 'right',
          },
        },
        props.formatValue(t),
      ),
    ),
    ...bars.flatMap((bar, i) =>
      i % props.labelEvery === 0
        ? [
            h(
              Text,
              {
                key: `xl${i}`,
                style: {
                  position: 'absolute',
                  left: AXIS + i * slot,
                  top: plotHeight + 3,
                  fontSize: 6.5,
                },
              },
              bar.label,
            ),
          ]
        : [],
    ),
  );
}
