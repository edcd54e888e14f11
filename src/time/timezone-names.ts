/**
 * Timezone abbreviations and everyday names ("EST", "Pacific time") as IANA zones
 * that keep daylight saving. One that means different places is a question with
 * its choices, never a guess and never a fixed offset. Data only.
 */

export interface ZoneChoice {
	zone: string;
	/** Where it is used, for the question: "India", "Queensland, no daylight saving". */
	label: string;
}

const ONE: Record<string, string> = {
	est: "America/New_York",
	edt: "America/New_York",
	et: "America/New_York",
	eastern: "America/New_York",
	"eastern time": "America/New_York",
	"us eastern": "America/New_York",
	cdt: "America/Chicago",
	ct: "America/Chicago",
	central: "America/Chicago",
	"central time": "America/Chicago",
	"us central": "America/Chicago",
	mdt: "America/Denver",
	mt: "America/Denver",
	pst: "America/Los_Angeles",
	pdt: "America/Los_Angeles",
	pt: "America/Los_Angeles",
	"pacific time": "America/Los_Angeles",
	"us pacific": "America/Los_Angeles",
	akst: "America/Anchorage",
	akdt: "America/Anchorage",
	hst: "Pacific/Honolulu",
	hast: "Pacific/Honolulu",
	adt: "America/Halifax",
	nst: "America/St_Johns",
	ndt: "America/St_Johns",
	cet: "Europe/Berlin",
	cest: "Europe/Berlin",
	met: "Europe/Berlin",
	mest: "Europe/Berlin",
	mez: "Europe/Berlin",
	mesz: "Europe/Berlin",
	"central european time": "Europe/Berlin",
	eet: "Europe/Athens",
	eest: "Europe/Athens",
	wet: "Europe/Lisbon",
	west: "Europe/Lisbon",
	msk: "Europe/Moscow",
	jst: "Asia/Tokyo",
	kst: "Asia/Seoul",
	hkt: "Asia/Hong_Kong",
	sgt: "Asia/Singapore",
	pkt: "Asia/Karachi",
	npt: "Asia/Kathmandu",
	wib: "Asia/Jakarta",
	aedt: "Australia/Sydney",
	acdt: "Australia/Adelaide",
	awst: "Australia/Perth",
	nzst: "Pacific/Auckland",
	nzdt: "Pacific/Auckland",
	sast: "Africa/Johannesburg",
	wat: "Africa/Lagos",
	cat: "Africa/Maputo",
	eat: "Africa/Nairobi",
	brt: "America/Sao_Paulo",
	art: "America/Argentina/Buenos_Aires",
	india: "Asia/Kolkata",
	china: "Asia/Shanghai",
	japan: "Asia/Tokyo",
	korea: "Asia/Seoul",
	uk: "Europe/London",
	britain: "Europe/London",
	england: "Europe/London",
	ireland: "Europe/Dublin",
	germany: "Europe/Berlin",
	france: "Europe/Paris",
	spain: "Europe/Madrid",
	italy: "Europe/Rome",
	netherlands: "Europe/Amsterdam",
	israel: "Asia/Jerusalem",
	"new zealand": "Pacific/Auckland",
	nz: "Pacific/Auckland",
	utc: "UTC",
	uct: "UTC",
	z: "UTC",
	zulu: "UTC",
};

const LONDON: ZoneChoice = { zone: "Europe/London", label: "UK, with summer time" };

const MANY: Record<string, ZoneChoice[]> = {
	ist: [
		{ zone: "Asia/Kolkata", label: "India" },
		{ zone: "Europe/Dublin", label: "Ireland" },
		{ zone: "Asia/Jerusalem", label: "Israel" },
	],
	bst: [LONDON, { zone: "Asia/Dhaka", label: "Bangladesh" }],
	gmt: [LONDON, { zone: "UTC", label: "no daylight saving" }],
	cst: [
		{ zone: "America/Chicago", label: "US Central" },
		{ zone: "Asia/Shanghai", label: "China" },
	],
	mst: [
		{ zone: "America/Denver", label: "US Mountain, with daylight saving" },
		{ zone: "America/Phoenix", label: "Arizona, no daylight saving" },
	],
	mountain: [
		{ zone: "America/Denver", label: "US Mountain, with daylight saving" },
		{ zone: "America/Phoenix", label: "Arizona, no daylight saving" },
	],
	ast: [
		{ zone: "America/Halifax", label: "Atlantic Canada" },
		{ zone: "Asia/Riyadh", label: "Arabia" },
	],
	aest: [
		{ zone: "Australia/Sydney", label: "NSW, Victoria, ACT, Tasmania" },
		{ zone: "Australia/Brisbane", label: "Queensland, no daylight saving" },
	],
	acst: [
		{ zone: "Australia/Adelaide", label: "South Australia" },
		{ zone: "Australia/Darwin", label: "Northern Territory, no daylight saving" },
	],
	pacific: [
		{ zone: "America/Los_Angeles", label: "US Pacific" },
		{ zone: "Pacific/Auckland", label: "New Zealand" },
	],
};

export type NamedZone = { kind: "zone"; zone: string } | { kind: "ambiguous"; choices: ZoneChoice[] };

/** The zone (or the choices) an abbreviation or everyday name stands for; null when it is not one. */
export function zoneForName(input: string): NamedZone | null {
	const key = input
		.trim()
		.toLowerCase()
		.replace(/[\s_]+/g, " ")
		.replace(/ (?:standard|daylight|summer)? ?time$/, " time");
	const plain = key.replace(/ time$/, "");
	const zone = ONE[key] ?? ONE[plain];
	if (zone) return { kind: "zone", zone };
	const choices = MANY[key] ?? MANY[plain];
	return choices ? { kind: "ambiguous", choices } : null;
}
