import { AxisBottom, AxisLeft } from '@visx/axis'
import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { Bar } from '@visx/shape'

export type BarChartPoint = { label: string; value: number | null; previous: number | null }

type Props = {
	id: string
	title: string
	/** The text alternative: what the chart shows in words (the table beside it has every figure). */
	description: string
	points: BarChartPoint[]
	showPrevious: boolean
	format: (value: number) => string
	/** Legend texts, e.g. "Selected period", "Previous period". */
	legend: { current: string; previous: string }
}

// Tick labels as plain <text>: visx's default Text component wraps each label in an <svg> with an
// inline style, which the app's strict CSP (no inline style attributes) refuses.
type TickProps = {
	x?: number | string
	y?: number | string
	dx?: number | string
	dy?: number | string
	formattedValue?: string
	textAnchor?: 'start' | 'middle' | 'end' | 'inherit'
}
function TickLabel({ x, y, dx, dy, formattedValue, textAnchor }: TickProps) {
	return (
		<text x={x} y={y} dx={dx} dy={dy} fill="currentColor" fontSize={12} textAnchor={textAnchor}>
			{formattedValue}
		</text>
	)
}

const WIDTH = 720
const HEIGHT = 280
const MARGIN = { top: 16, right: 16, bottom: 56, left: 72 }

/**
 * A bar chart rendered on the server as plain SVG (visx: scales and shapes as React components, no
 * canvas, no JavaScript needed). Colours are the town's theme tokens (text-ink, fill-primary), whose
 * contrast the theme check guarantees; the previous period is an outlined bar, so the two series
 * differ by shape as well as colour. The SVG is one image to assistive technology (role="img" with
 * title and description); the figures themselves are in the table beside it.
 */
export function BarChart({ id, title, description, points, showPrevious, format, legend }: Props) {
	const innerWidth = WIDTH - MARGIN.left - MARGIN.right
	const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom
	const values = points.flatMap((p) => [p.value ?? 0, showPrevious ? (p.previous ?? 0) : 0])
	const max = Math.max(1, ...values)
	const x = scaleBand<string>({ domain: points.map((p) => p.label), range: [0, innerWidth], padding: 0.25 })
	const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true })
	const series = showPrevious ? 2 : 1
	const barWidth = x.bandwidth() / series
	// At most 12 labels under the axis; the table names every category.
	const every = Math.max(1, Math.ceil(points.length / 12))
	const tickValues = points.map((p) => p.label).filter((_, i) => i % every === 0)
	return (
		<figure className="m-0">
			<svg
				role="img"
				aria-labelledby={`${id}-title ${id}-desc`}
				viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
				className="h-auto w-full max-w-3xl text-ink"
				data-testid="statistics-chart"
			>
				<title id={`${id}-title`}>{title}</title>
				<desc id={`${id}-desc`}>{description}</desc>
				<Group left={MARGIN.left} top={MARGIN.top}>
					{points.map((point) => {
						const left = x(point.label) ?? 0
						return (
							<g key={point.label}>
								{showPrevious && point.previous !== null ? (
									<Bar
										x={left + 1}
										y={y(point.previous)}
										width={Math.max(0, barWidth - 2)}
										height={Math.max(0, innerHeight - y(point.previous))}
										className="fill-surface stroke-muted"
										strokeWidth={2}
										strokeDasharray="4 2"
									/>
								) : null}
								{point.value !== null ? (
									<Bar
										x={left + (showPrevious ? barWidth : 0)}
										y={y(point.value)}
										width={barWidth}
										height={Math.max(0, innerHeight - y(point.value))}
										className="fill-primary"
									/>
								) : null}
							</g>
						)
					})}
					<AxisLeft
						scale={y}
						numTicks={5}
						stroke="currentColor"
						tickStroke="currentColor"
						tickFormat={(value) => format(Number(value))}
						tickLabelProps={{ textAnchor: 'end', dx: -4, dy: 4 }}
						tickComponent={TickLabel}
					/>
					<AxisBottom
						top={innerHeight}
						scale={x}
						tickValues={tickValues}
						stroke="currentColor"
						tickStroke="currentColor"
						tickLabelProps={{ textAnchor: 'middle', dy: 4 }}
						tickComponent={TickLabel}
					/>
				</Group>
			</svg>
			<figcaption className="mt-1 flex flex-wrap gap-4 text-sm">
				<span className="inline-flex items-center gap-1">
					<svg width="14" height="14" aria-hidden="true" focusable="false">
						<rect width="14" height="14" className="fill-primary" />
					</svg>
					{legend.current}
				</span>
				{showPrevious ? (
					<span className="inline-flex items-center gap-1">
						<svg width="14" height="14" aria-hidden="true" focusable="false">
							<rect x="1" y="1" width="12" height="12" className="fill-surface stroke-muted" strokeWidth={2} strokeDasharray="4 2" />
						</svg>
						{legend.previous}
					</span>
				) : null}
			</figcaption>
		</figure>
	)
}
