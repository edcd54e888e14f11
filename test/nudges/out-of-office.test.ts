import { describe, expect, it } from "vitest";
import { parseReturnDate } from "../../src/nudges/out-of-office";

const sent = new Date("2026-11-23T15:00:00Z"); // Mon 23 Nov

describe("parseReturnDate", () => {
	it.each([
		["I am out of the office and will be back on December 3.", "2026-12-03"],
		["I'm away until Monday, with limited access to email.", "2026-11-30"],
		["Out of office from Nov 20 to Nov 27. I'll reply when I return.", "2026-11-27"],
		["I will return on 1/5/2027.", "2027-01-05"],
		["Ich bin bis zum 2. Dezember nicht im Büro.", "2026-12-02"],
		["Je serai de retour le 4 décembre.", "2026-12-04"],
		["Estaré fuera de la oficina hasta el 7 de diciembre.", "2026-12-07"],
		["Thanks for your email. I will get back to you soon.", null],
		["I was back on November 2.", null],
	])("%j → %s", (text, date) => {
		expect(parseReturnDate(text, sent, "America/New_York")).toBe(date);
	});
});
