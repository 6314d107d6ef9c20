import type { ReactNode } from "react";

/**
 * A chart's SVG, named by its title and described by its summary (read as one image), drawn at
 * `width` × `height` units and scaled to its box.
 */
export function ChartSvg({
  id,
  width,
  height,
  title,
  summary,
  className,
  fontFamily,
  children,
}: {
  id: string;
  width: number;
  height: number;
  title: ReactNode;
  summary: ReactNode;
  className: string;
  fontFamily?: string;
  children: ReactNode;
}) {
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      className={className}
      fontFamily={fontFamily}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {children}
    </svg>
  );
}

/** The value axis: a light grid line and its number at every tick, left of the plot. */
export function ValueTicks({
  ticks,
  plot,
  label,
}: {
  ticks: { value: number; y: number }[];
  plot: { left: number; right: number };
  label: (value: number) => string;
}) {
  return (
    <>
      {ticks.map((tick) => (
        <g key={tick.value}>
          <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} stroke="#e2e8f0" />
          <text x={plot.left - 6} y={tick.y + 4} fontSize={13} textAnchor="end" fill="#475569">
            {label(tick.value)}
          </text>
        </g>
      ))}
    </>
  );
}
