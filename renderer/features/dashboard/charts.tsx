/**
 * Small inline-SVG charts for the dashboard. Each is one image to assistive technology
 * (role="img" with every number in its label); colours come from Mantine's CSS variables,
 * so they follow the light or dark scheme. Each is drawn at its container's measured width,
 * so text keeps its size whatever the layout.
 */
import { useId, type ReactNode } from 'react';
import { useElementSize } from '@mantine/hooks';

const TEXT = 'var(--mantine-color-text)';
const DIMMED = 'var(--mantine-color-dimmed)';
const GRID = 'var(--mantine-color-default-border)';
const BAR = 'var(--mantine-color-brand-filled)';
const FONT = 'var(--mantine-font-family)';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  /** The value as shown (formatted for the language). */
  valueLabel: string;
  /** A Mantine colour name for this bar; the brand colour otherwise. */
  color?: string;
}

/** The container's width in pixels (a fallback until it has been measured). */
function useWidth(fallback: number) {
  const { ref, width } = useElementSize<HTMLDivElement>();
  return { ref, width: width > 0 ? Math.floor(width) : fallback };
}

/** A chart's drawing, one image to assistive technology, drawn at its container's measured width. */
function ChartFrame(props: { fallbackWidth: number; height: number; ariaLabel: string; children: (width: number) => ReactNode }) {
  const { ref, width } = useWidth(props.fallbackWidth);
  return (
    <div ref={ref}>
      <svg
        role="img"
        aria-label={props.ariaLabel}
        viewBox={`0 0 ${width} ${props.height}`}
        width={width}
        height={props.height}
        style={{ display: 'block', fontFamily: FONT }}
      >
        {props.children(width)}
      </svg>
    </div>
  );
}

function barFill(color: string | undefined): string {
  return color ? `var(--mantine-color-${color}-filled)` : BAR;
}

/** A "nice" top for a value axis: 1, 2, 5 × 10^n, at least `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** Vertical bars with a baseline, gridlines at half and full height, and labels under each bar. */
export function ColumnChart(props: { data: BarDatum[]; ariaLabel: string; height?: number }) {
  const height = props.height ?? 200;
  const top = 20;
  const bottom = 28;
  const left = 32;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(0, ...props.data.map((d) => d.value)));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max].filter((v, i, all) => Number.isInteger(v) && all.indexOf(v) === i);
  return (
    <ChartFrame fallbackWidth={640} height={height} ariaLabel={props.ariaLabel}>
      {(width) => {
        const plotW = width - left - 8;
        const slot = plotW / Math.max(1, props.data.length);
        const barW = Math.min(36, slot * 0.62);
        // A label needs about 50 px; under narrower bars every other one (ending with the last) is labelled.
        const labelEvery = Math.max(1, Math.ceil(50 / slot));
        return (
          <>
            {ticks.map((tick) => (
              <g key={tick} aria-hidden>
                <line
                  x1={left}
                  x2={width - 8}
                  y1={y(tick)}
                  y2={y(tick)}
                  style={{ stroke: GRID }}
                  strokeDasharray={tick === 0 ? undefined : '3 4'}
                />
                <text x={left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} style={{ fill: DIMMED }}>
                  {tick}
                </text>
              </g>
            ))}
            {props.data.map((d, i) => {
              const cx = left + slot * i + slot / 2;
              const h = (d.value / max) * plotH;
              return (
                <g key={d.key} aria-hidden>
                  {d.value > 0 ? (
                    <>
                      <rect x={cx - barW / 2} y={y(d.value)} width={barW} height={h} rx={3} style={{ fill: barFill(d.color) }} />
                      <text x={cx} y={y(d.value) - 5} textAnchor="middle" fontSize={11} fontWeight={600} style={{ fill: TEXT }}>
                        {d.valueLabel}
                      </text>
                    </>
                  ) : null}
                  {i % labelEvery === (props.data.length - 1) % labelEvery ? (
                    <text x={cx} y={height - 8} textAnchor="middle" fontSize={11} style={{ fill: DIMMED }}>
                      {d.label}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </>
        );
      }}
    </ChartFrame>
  );
}

/** Horizontal bars: a label on the left, the bar, its value at the bar's end. */
export function BarList(props: { data: BarDatum[]; ariaLabel: string; labelWidth?: number }) {
  const rowH = 30;
  const labelW = props.labelWidth ?? 150;
  const valueW = 40;
  const height = props.data.length * rowH;
  const max = Math.max(1, ...props.data.map((d) => d.value));
  return (
    <ChartFrame fallbackWidth={480} height={height} ariaLabel={props.ariaLabel}>
      {(width) => {
        const plotW = Math.max(40, width - labelW - valueW);
        return props.data.map((d, i) => {
          const yMid = i * rowH + rowH / 2;
          const w = d.value === 0 ? 0 : Math.max(3, (d.value / max) * plotW);
          return (
            <g key={d.key} aria-hidden>
              <text x={labelW - 10} y={yMid + 4} textAnchor="end" fontSize={12} style={{ fill: TEXT }}>
                {d.label}
              </text>
              <rect x={labelW} y={yMid - 9} width={plotW} height={18} rx={3} style={{ fill: GRID, opacity: 0.45 }} />
              {w > 0 ? <rect x={labelW} y={yMid - 9} width={w} height={18} rx={3} style={{ fill: barFill(d.color) }} /> : null}
              <text x={labelW + w + 6} y={yMid + 4} fontSize={12} fontWeight={600} style={{ fill: TEXT }}>
                {d.valueLabel}
              </text>
            </g>
          );
        });
      }}
    </ChartFrame>
  );
}

export interface FunnelStep {
  key: string;
  value: number;
  /** The step and its value as shown, e.g. "Certified: 120". */
  text: string;
  /** E.g. "50% of previous step"; none for the first step. */
  note?: string;
}

/**
 * A funnel: centred bars, each as wide as its share of the widest step (the first, in a
 * funnel over all time; a quarter's steps need not shrink, as they count different trainees).
 */
export function FunnelChart(props: { steps: FunnelStep[]; ariaLabel: string }) {
  const gradientId = useId();
  const rowH = 46;
  const height = props.steps.length * rowH;
  const widest = Math.max(1, ...props.steps.map((s) => s.value));
  return (
    <ChartFrame fallbackWidth={480} height={height} ariaLabel={props.ariaLabel}>
      {(width) => {
        const maxW = Math.max(120, width - 200);
        const cx = maxW / 2 + 4;
        return (
          <>
            <defs>
              <linearGradient id={gradientId} x1="0" x2="0" y1="0" y2="1">
                <stop offset="0%" style={{ stopColor: 'var(--mantine-color-brand-filled)' }} />
                <stop offset="100%" style={{ stopColor: 'var(--mantine-color-indigo-filled)' }} />
              </linearGradient>
            </defs>
            {props.steps.map((step, i) => {
              const w = step.value === 0 ? 0 : Math.max(6, (step.value / widest) * maxW);
              const y = i * rowH + 4;
              return (
                <g key={step.key} aria-hidden>
                  <rect x={cx - maxW / 2} y={y} width={maxW} height={rowH - 10} rx={4} style={{ fill: GRID, opacity: 0.35 }} />
                  {w > 0 ? <rect x={cx - w / 2} y={y} width={w} height={rowH - 10} rx={4} fill={`url(#${gradientId})`} /> : null}
                  <text x={maxW + 18} y={y + 15} fontSize={13} fontWeight={600} style={{ fill: TEXT }}>
                    {step.text}
                  </text>
                  {step.note ? (
                    <text x={maxW + 18} y={y + 31} fontSize={11} style={{ fill: DIMMED }}>
                      {step.note}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </>
        );
      }}
    </ChartFrame>
  );
}
