/**
 * Structured log lines: one JSON object per line, `event` first, so Workers Logs
 * can filter on it. A fallback that swallows an error must still leave one.
 */

export type LogFields = Record<string, string | number | boolean | null | undefined>;

const describe = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));

export function logEvent(event: string, fields: LogFields = {}): void {
	console.log(JSON.stringify({ event, ...fields }));
}

/** An error we recover from (a fallback, an isolated failure): warned, with where it happened. */
export function logRecovered(event: string, err: unknown, fields: LogFields = {}): void {
	console.warn(JSON.stringify({ event, ...fields, error: describe(err) }));
}
