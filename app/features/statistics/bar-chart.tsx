// A horizontal bar chart in plain HTML and CSS, drawn on the server: no
// script, no third-party library. Each label sits above its bar and wraps,
// so a long category ("Ich habe etwas beobachtet (Zeugin, Zeuge)") is read
// whole at 390 px and in print. It is decoration for sighted readers; the
// table that follows it is its text alternative, so the bars are hidden from
// assistive technology and the figure's caption points to the table. A
// hidden value is an empty dashed bar with the table's mark, so that its
// length tells nothing.
import type { PublishedCell } from '~/features/statistics/report'

type Bar = { label: string; value: PublishedCell }

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
	return (
		<figure className="chart">
			<ul className="chart-bars" aria-hidden="true">
				{bars.map((bar) => {
					const value = typeof bar.value === 'number' ? bar.value : null
					return (
						<li key={bar.label} className="chart-bar">
							<span className="chart-label">{bar.label}</span>
							<span className="chart-track">
								<span className="chart-value">{value === null ? suppressedText : value}</span>
								{/* The length as an SVG attribute: the page's CSP allows no inline styles. */}
								<svg
									className="chart-fill"
									viewBox="0 0 100 10"
									preserveAspectRatio="none"
									focusable="false"
								>
									{value === null ? (
										<rect x="0.5" y="0.5" width="6" height="9" className="chart-hidden" />
									) : (
										<rect width={Math.max((value / max) * 100, 0.3)} height="10" />
									)}
								</svg>
							</span>
						</li>
					)
				})}
			</ul>
			<figcaption className="visually-hidden">{caption}</figcaption>
		</figure>
	)
}
