/**
 * Server-rendered SVG bar charts for Insights: no script, a <title> and <desc>
 * naming what they show, the numbers written on the bars, and the same numbers
 * in a table. Two series differ by shade *and* by pattern (solid, hatched), so
 * they stay apart in greyscale and for colour-blind readers.
 */
export interface Series {
	name: string;
}
export interface Row {
	label: string;
	/** One value per series. */
	values: number[];
	/** What is written at the end of each bar (defaults to the value). */
	texts?: string[];
}

const WIDTH = 640;
const LABEL_W = 170;
const BAR_H = 16;
const GAP = 10;
const INK = "#1f2933";
const DARK = "#2f4858";

export function BarChart(props: {
	id: string;
	title: string;
	desc: string;
	series: Series[];
	rows: Row[];
	/** The largest value the bars scale to (at least the largest value). */
	max?: number;
	unit?: string;
}) {
	const { id, series, rows } = props;
	const max = Math.max(1, props.max ?? 0, ...rows.flatMap((r) => r.values));
	const groupH = series.length * BAR_H + GAP;
	const legendH = series.length > 1 ? 26 : 0;
	const height = legendH + rows.length * groupH + GAP;
	const plotW = WIDTH - LABEL_W - 60;
	const fill = (s: number) => (s === 0 ? DARK : `url(#${id}-hatch)`);
	return (
		<figure class="chart">
			<svg
				role="img"
				aria-labelledby={`${id}-title ${id}-desc`}
				viewBox={`0 0 ${WIDTH} ${height}`}
				width="100%"
				font-family="system-ui, sans-serif"
				font-size="13"
			>
				<title id={`${id}-title`}>{props.title}</title>
				<desc id={`${id}-desc`}>{props.desc}</desc>
				<defs>
					<pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
						<rect width="6" height="6" fill="#e4e9ee" />
						<line x1="0" y1="0" x2="0" y2="6" stroke={DARK} stroke-width="2" />
					</pattern>
				</defs>
				<rect width={WIDTH} height={height} fill="#fff" />
				{series.length > 1
					? series.map((s, i) => (
							<g>
								<rect
									x={LABEL_W + i * 150}
									y="6"
									width="14"
									height="14"
									fill={fill(i)}
									stroke={DARK}
									stroke-width="1"
								/>
								<text x={LABEL_W + i * 150 + 20} y="18" fill={INK}>
									{s.name}
								</text>
							</g>
						))
					: null}
				{rows.map((r, ri) => {
					const top = legendH + GAP + ri * groupH;
					return (
						<g>
							<text x={LABEL_W - 8} y={top + (series.length * BAR_H) / 2 + 4} text-anchor="end" fill={INK}>
								{r.label}
							</text>
							{r.values.map((v, si) => {
								const w = Math.round((v / max) * plotW);
								const y = top + si * BAR_H;
								return (
									<g>
										<rect
											x={LABEL_W}
											y={y + 1}
											width={Math.max(w, 1)}
											height={BAR_H - 2}
											fill={fill(si)}
											stroke={DARK}
											stroke-width="1"
										/>
										<text x={LABEL_W + w + 6} y={y + BAR_H - 4} fill={INK}>
											{r.texts?.[si] ?? String(v)}
										</text>
									</g>
								);
							})}
						</g>
					);
				})}
			</svg>
			<details>
				<summary>The numbers as a table</summary>
				<table>
					<caption class="visually-hidden">{props.title}</caption>
					<thead>
						<tr>
							<th scope="col">{props.unit ?? ""}</th>
							{series.map((s) => (
								<th scope="col">{s.name}</th>
							))}
						</tr>
					</thead>
					<tbody>
						{rows.map((r) => (
							<tr>
								<th scope="row">{r.label}</th>
								{r.values.map((v, i) => (
									<td>{r.texts?.[i] ?? String(v)}</td>
								))}
							</tr>
						))}
					</tbody>
				</table>
			</details>
		</figure>
	);
}
