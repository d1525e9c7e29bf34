/**
 * The dashboard's own charts, plain SVG in the theme's colours: a bar chart (one group of bars per
 * category, named on the x-axis; a value axis) and a donut with its legend. No chart library, so
 * the screens run under every MUI major react-admin supports.
 *
 * Each chart is an image (`role="img"`) named by `title`, its values in a `<desc>` for screen
 * readers and in each mark's `<title>` (the tooltip).
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { Box, Typography, useTheme, type Theme } from '@mui/material';
import { niceTicks, slices, textWidth, truncate } from './chartScale.js';

export type ChartTone = 'primary' | 'secondary' | 'success' | 'warning' | 'info' | 'error';

const TONES: ChartTone[] = ['primary', 'secondary', 'success', 'warning', 'info', 'error'];

/** The `index`th colour of the chart palette: the theme's main colours, then their light and dark shades. */
export function chartColor(theme: Theme, index: number, tone?: ChartTone): string {
  const palette = theme.palette[tone ?? TONES[index % TONES.length]!];
  const shade = tone ? 0 : Math.floor(index / TONES.length) % 3;
  return shade === 0 ? palette.main : shade === 1 ? palette.light : palette.dark;
}

const FONT = 12;
const WIDTH = 560;
const ROTATE = 40;
/** The longest a slanted category label gets, in pixels. */
const LABEL_MAX = 120;

/** Measured before paint in the browser; no warning when rendered on a server. */
const useBrowserLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/** The element's width, followed while it changes (`fallback` until measured, and where nothing lays out). */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useBrowserLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      if (element.clientWidth > 0) setWidth(element.clientWidth);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

function Legend({ items }: { items: { key: string; label: string; color: string }[] }) {
  return (
    <Box component="ul" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, listStyle: 'none', m: 0, mt: 1, p: 0 }}>
      {items.map((item) => (
        <Box component="li" key={item.key} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
          <Box component="span" sx={{ width: 12, height: 12, borderRadius: 0.5, bgcolor: item.color, flexShrink: 0 }} />
          <Typography variant="caption">{item.label}</Typography>
        </Box>
      ))}
    </Box>
  );
}

/** A category of a bar chart: named `name` on the axis, `detail` in the tooltip; told apart by `key`. */
export interface ChartBar {
  key: string;
  name: string;
  detail?: string;
  values: Record<string, number | null>;
}

export interface ChartSeries {
  dataKey: string;
  label: string;
  tone?: ChartTone;
}

export interface BarChartProps {
  /** What the chart shows: its accessible name. */
  title: string;
  bars: ChartBar[];
  series: ChartSeries[];
  /** A value in the tooltip. */
  format: (value: number | null) => string;
  /** A value on the axis (compact). */
  axis: (value: number | null) => string;
  /** The top of the value axis (default: the largest value, rounded up). */
  max?: number;
  /** Height of the plot area, without the category labels. */
  height?: number;
  /** What the categories are, under them (e.g. "Salesperson"). */
  xTitle?: string;
  /** What the values are, with their unit, beside the value axis (e.g. "Amount (CNY)"). */
  yTitle?: string;
}

/**
 * Vertical bars, one group per category, its name under it: level when the names fit, slanted and
 * cut (the whole name in its tooltip) when they do not. With more categories than fit the width,
 * the chart keeps a readable bar width and scrolls sideways. Values below 0 draw no bar.
 */
export function BarChart({ title, bars, series, format, axis, max, height = 220, xTitle, yTitle }: BarChartProps) {
  const theme = useTheme();
  const descId = useId();
  const [ref, available] = useWidth(WIDTH);
  const colors = series.map((s, index) => chartColor(theme, index, s.tone));

  const largest = Math.max(0, ...bars.flatMap((bar) => series.map((s) => bar.values[s.dataKey] ?? 0)));
  const ticks = niceTicks(max ?? largest);
  const top = Math.max(max ?? 0, ticks[ticks.length - 1]!);
  // The value axis's title stands rotated at the far left, its own line wide.
  const titleRoom = yTitle ? FONT + 8 : 0;
  const left = Math.ceil(Math.max(...ticks.map((tick) => textWidth(axis(tick), FONT)))) + 12 + titleRoom;
  const right = 8;
  const minBand = Math.max(24, series.length * 12 + 8);
  const band = Math.max(minBand, (available - left - right) / Math.max(1, bars.length));
  const width = left + right + band * bars.length;

  const longest = Math.max(0, ...bars.map((bar) => textWidth(bar.name, FONT)));
  const slanted = longest > band - 6;
  const labelWidth = slanted ? Math.min(LABEL_MAX, longest) : longest;
  const labelsBottom = slanted ? Math.ceil(labelWidth * Math.sin((ROTATE * Math.PI) / 180) + FONT + 12) : FONT + 14;
  const bottom = labelsBottom + (xTitle ? FONT + 10 : 0);
  const topPad = FONT / 2 + 2;
  const svgHeight = topPad + height + bottom;
  const y = (value: number) => topPad + height - (Math.max(0, Math.min(value, top)) / top) * height;
  const groupPad = band * 0.15;
  const barWidth = (band - 2 * groupPad) / Math.max(1, series.length);
  const text = { fontSize: FONT, fontFamily: theme.typography.fontFamily, fill: theme.palette.text.secondary };

  const describe = (bar: ChartBar) => {
    const values = series.filter((s) => bar.values[s.dataKey] != null);
    return `${bar.detail ?? bar.name}: ${values.map((s) => `${series.length > 1 ? `${s.label} ` : ''}${format(bar.values[s.dataKey]!)}`).join(', ') || '—'}`;
  };

  return (
    <Box>
      <Box ref={ref} sx={{ width: '100%', overflowX: 'auto' }}>
        <svg
          role="img"
          aria-label={`${title} (${series.map((s) => s.label).join(', ')})`}
          aria-describedby={descId}
          width={width}
          height={svgHeight}
          viewBox={`0 0 ${width} ${svgHeight}`}
          style={{ display: 'block' }}
        >
          <desc id={descId}>{bars.map(describe).join('; ')}</desc>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={left} x2={width - right} y1={y(tick)} y2={y(tick)} stroke={theme.palette.divider} />
              <text x={left - 6} y={y(tick)} textAnchor="end" dominantBaseline="central" {...text}>
                {axis(tick)}
              </text>
            </g>
          ))}
          {bars.map((bar, index) => {
            const x = left + index * band;
            const name = slanted ? truncate(bar.name, LABEL_MAX, FONT) : bar.name;
            const labelY = topPad + height + FONT + 2;
            return (
              <g key={bar.key} data-key={bar.key}>
                {series.map((s, at) => {
                  const value = bar.values[s.dataKey];
                  if (value == null) return null;
                  return (
                    <rect
                      key={s.dataKey}
                      x={x + groupPad + at * barWidth + 1}
                      y={y(value)}
                      width={Math.max(1, barWidth - 2)}
                      height={Math.max(0, topPad + height - y(value))}
                      rx={2}
                      fill={colors[at]}
                    >
                      <title>{`${bar.detail ?? bar.name} — ${s.label}: ${format(value)}`}</title>
                    </rect>
                  );
                })}
                <g>
                  {name !== bar.name && <title>{bar.name}</title>}
                  {slanted ? (
                    <text
                      data-testid="chart-category"
                      x={x + band / 2}
                      y={labelY - 4}
                      textAnchor="end"
                      transform={`rotate(-${ROTATE} ${x + band / 2} ${labelY - 4})`}
                      {...text}
                    >
                      {name}
                    </text>
                  ) : (
                    <text data-testid="chart-category" x={x + band / 2} y={labelY} textAnchor="middle" {...text}>
                      {name}
                    </text>
                  )}
                </g>
              </g>
            );
          })}
          <line x1={left} x2={width - right} y1={y(0)} y2={y(0)} stroke={theme.palette.text.secondary} />
          {yTitle && (
            <text
              data-testid="chart-y-title"
              x={FONT}
              y={topPad + height / 2}
              textAnchor="middle"
              transform={`rotate(-90 ${FONT} ${topPad + height / 2})`}
              {...text}
              fontWeight={600}
            >
              {yTitle}
            </text>
          )}
          {xTitle && (
            <text
              data-testid="chart-x-title"
              x={left + (width - left - right) / 2}
              y={topPad + height + labelsBottom + FONT}
              textAnchor="middle"
              {...text}
              fontWeight={600}
            >
              {xTitle}
            </text>
          )}
        </svg>
      </Box>
      {series.length > 1 && <Legend items={series.map((s, index) => ({ key: s.dataKey, label: s.label, color: colors[index]! }))} />}
    </Box>
  );
}

export interface DonutChartProps {
  /** What the chart shows: its accessible name. */
  title: string;
  slices: { key: string; label: string; value: number }[];
  /** A value in the tooltip and the legend (default: as is). */
  format?: (value: number) => string;
  /** The language of the shares (`35%`). */
  locale?: string;
  size?: number;
}

/** A donut, one slice per row in the theme's colours, with a legend naming each slice and its value. */
export function DonutChart({ title, slices: rows, format = String, locale, size = 200 }: DonutChartProps) {
  const theme = useTheme();
  const descId = useId();
  const thickness = size * 0.18;
  const radius = size / 2 - thickness / 2 - 2;
  const circumference = 2 * Math.PI * radius;
  const shares = slices(rows.map((row) => row.value));
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const items = rows.map((row, index) => ({ ...row, color: chartColor(theme, index), ...shares[index]! }));
  const describe = (item: (typeof items)[number]) => `${item.label}: ${format(item.value)} (${percent.format(item.share)})`;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2 }}>
      <svg
        role="img"
        aria-label={title}
        aria-describedby={descId}
        width={size}
        height={size}
        viewBox={`0 0 ${size} ${size}`}
        style={{ flexShrink: 0 }}
      >
        <desc id={descId}>{items.map(describe).join('; ')}</desc>
        <circle cx={size / 2} cy={size / 2} r={radius} fill="none" stroke={theme.palette.action.hover} strokeWidth={thickness} />
        {items.map((item) =>
          item.share > 0 ? (
            <circle
              key={item.key}
              cx={size / 2}
              cy={size / 2}
              r={radius}
              fill="none"
              stroke={item.color}
              strokeWidth={thickness}
              // A dash as long as the slice, starting where it starts; from 12 o'clock, clockwise.
              strokeDasharray={`${item.share * circumference} ${circumference}`}
              strokeDashoffset={-item.start * circumference}
              transform={`rotate(-90 ${size / 2} ${size / 2})`}
            >
              <title>{describe(item)}</title>
            </circle>
          ) : null,
        )}
      </svg>
      <Legend items={items.map((item) => ({ key: item.key, label: `${item.label}: ${format(item.value)}`, color: item.color }))} />
    </Box>
  );
}
