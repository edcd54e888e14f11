/** Done and Snooze for one nudge: two small forms that work without JavaScript. */
export const SNOOZE_DAYS = [1, 3, 7, 14] as const;
const label = (d: number) => (d === 1 ? "1 day" : d === 7 ? "1 week" : d === 14 ? "2 weeks" : `${d} days`);

export function NudgeActions(props: { id: string; label: string; back: string }) {
	return (
		<div class="actions">
			<form method="post" action={`/app/nudges/${props.id}/done`} class="inline">
				<input type="hidden" name="back" value={props.back} />
				<button type="submit" aria-label={`Done: ${props.label}`}>
					Done
				</button>
			</form>
			<form method="post" action={`/app/nudges/${props.id}/snooze`} class="inline">
				<input type="hidden" name="back" value={props.back} />
				<label class="visually-hidden" for={`snooze-${props.id}`}>
					Snooze {props.label} for
				</label>
				<select id={`snooze-${props.id}`} name="days">
					{SNOOZE_DAYS.map((d) => (
						<option value={String(d)} selected={d === 3}>
							{label(d)}
						</option>
					))}
				</select>
				<button type="submit" class="secondary" aria-label={`Snooze: ${props.label}`}>
					Snooze
				</button>
			</form>
		</div>
	);
}
