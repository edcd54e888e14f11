/** Issue 15: an introduction's body names the person with their address, and we keep the name. */
import { describe, expect, it } from "vitest";
import { namedAddresses } from "../../src/inbound/intro-detection";

describe("namedAddresses", () => {
	it.each([
		[
			"Ann, meet Bob Smith… he runs design at Acme and would love to chat. His email is bob@x.com.",
			[{ address: "bob@x.com", name: "Bob Smith" }],
		],
		["Bob's email: bob@x.com", [{ address: "bob@x.com", name: "Bob" }]],
		["you can reach Dana Whitfield at dana@x.com", [{ address: "dana@x.com", name: "Dana Whitfield" }]],
		["You can reach Dana Whitfield at DWhitfield@X.com.", [{ address: "dwhitfield@x.com", name: "Dana Whitfield" }]],
		["Dana Whitfield's email address is dana@x.com", [{ address: "dana@x.com", name: "Dana Whitfield" }]],
		[
			"Hi Ann, I'd like to introduce you to José Núñez. You can write to him at jn@x.com",
			[{ address: "jn@x.com", name: "José Núñez" }],
		],
		[
			"Ann, meet Bob Smith. Bob, meet Carla Diaz. Bob's email is rs@x.com and Carla's address is cdiaz@y.com",
			[
				{ address: "rs@x.com", name: "Bob" },
				{ address: "cdiaz@y.com", name: "Carla" },
			],
		],
		[
			"Ann, meet Bob Smith and Carla Diaz. Emails: bsmith@x.com, carla@y.com",
			[{ address: "bsmith@x.com", name: "Bob Smith" }],
		],
		[
			"Pat, you should talk to Dana Whitfield. Her email is dana@dw.example and she's expecting you.",
			[{ address: "dana@dw.example", name: "Dana Whitfield" }],
		],
		[
			"You two should connect with each other. Get in touch with Bob Lee: his email is bl@x.com",
			[{ address: "bl@x.com", name: "Bob Lee" }],
		],
		["Léa, je te présente Hugo Martin. Son adresse : hugo@x.fr", [{ address: "hugo@x.fr", name: "Hugo Martin" }]],
		["Ana, te presento a Luis Gómez. Su correo es luis@x.es", [{ address: "luis@x.es", name: "Luis Gómez" }]],
		["Her email is ann@x.com", [{ address: "ann@x.com", name: "" }]],
		["Meet The Team! email: team@x.com", [{ address: "team@x.com", name: "" }]],
		["Thanks for the meeting. email me at me@x.com", [{ address: "me@x.com", name: "" }]],
		["No address here, just Bob Smith", []],
	])("%j", (text, expected) => {
		expect(namedAddresses(text)).toEqual(expected);
	});

	it("reads in linear time: 4× the adversarial input takes about 4× as long", () => {
		const shapes = [
			(n: number) => `email ${"a".repeat(n)}`,
			(n: number) => `email ${"a.".repeat(n / 2)}@`,
			(n: number) => `Meet ${"Aaaa ".repeat(n / 5)}`,
			(n: number) => `${"Bob's email ".repeat(n / 12)}`,
			(n: number) => `reach ${"Dana ".repeat(n / 5)}at x`,
			(n: number) => `${"a@b.".repeat(n / 4)}`,
		];
		const time = (text: string, reps: number) => {
			let best = Number.POSITIVE_INFINITY;
			for (let i = 0; i < 3; i++) {
				const start = Date.now();
				for (let j = 0; j < reps; j++) namedAddresses(text);
				best = Math.min(best, Date.now() - start);
			}
			return best;
		};
		for (const shape of shapes) {
			// Enough repetitions that the small input takes a measurable while (1 ms clock).
			// The calibrating measurement is the one compared: re-measuring on a busy machine can land below 25 ms.
			let reps = 1;
			let small = time(shape(12_000), reps);
			while (small < 25 && reps < 4096) {
				reps *= 2;
				small = time(shape(12_000), reps);
			}
			const large = time(shape(48_000), reps);
			expect(small).toBeGreaterThanOrEqual(25);
			expect(large / small, shape(20)).toBeLessThan(10);
		}
	}, 30_000);
});
