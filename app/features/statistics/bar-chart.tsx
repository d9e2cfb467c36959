// A horizontal bar chart drawn as SVG on the server: no script, no
// third-party library. It is decoration for sighted readers; the table that
// follows it is its text alternative, so the SVG is hidden from assistive
// technology and the figure's caption points to the table. A hidden value is
// an empty dashed bar with the table's mark, so that its length tells nothing.
import type { PublishedCell } from '~/features/statistics/report'

type Bar = { label: string; value: PublishedCell }

const ROW = 26
const LABEL_WIDTH = 300
/** About what LABEL_WIDTH holds of 13 px text in a wide sans-serif (DejaVu Sans: 7.8 px a character). */
const LABEL_CHARS = 36
const BAR_WIDTH = 380
const VALUE_WIDTH = 70

export function BarChart({
	bars,
	caption,
	suppressedText,
}: {
	bars: Bar[]
	caption: string
	suppressedText: string
}) {
	const max = Math.max(1, ...bars.map((bar) => (typeof bar.value === 'number' ? bar.value : 0)))
	const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
	const height = bars.length * ROW + 8
	return (
		<figure className="chart">
			<svg
				viewBox={`0 0 ${width} ${height}`}
				width="100%"
				preserveAspectRatio="xMinYMin meet"
				aria-hidden="true"
				focusable="false"
			>
				{bars.map((bar, index) => {
					const y = index * ROW + 4
					const value = typeof bar.value === 'number' ? bar.value : null
					const length = value === null ? 0 : (value / max) * BAR_WIDTH
					const label =
						bar.label.length > LABEL_CHARS ? `${bar.label.slice(0, LABEL_CHARS - 1)}…` : bar.label
					return (
						<g key={bar.label}>
							<text x={LABEL_WIDTH - 8} y={y + 16} textAnchor="end" fontSize="13" fill="#1b1b1f">
								{label}
							</text>
							{value === null ? (
								<rect
									x={LABEL_WIDTH}
									y={y + 3}
									width={24}
									height={ROW - 8}
									fill="none"
									stroke="#4a4a55"
									strokeDasharray="3 2"
								/>
							) : (
								<rect
									x={LABEL_WIDTH}
									y={y + 3}
									width={Math.max(length, 1)}
									height={ROW - 8}
									fill="#0b4f8a"
								/>
							)}
							<text
								x={LABEL_WIDTH + (value === null ? 30 : length + 6)}
								y={y + 16}
								fontSize="13"
								fill="#1b1b1f"
							>
								{value === null ? suppressedText : value}
							</text>
						</g>
					)
				})}
			</svg>
			<figcaption className="visually-hidden">{caption}</figcaption>
		</figure>
	)
}
