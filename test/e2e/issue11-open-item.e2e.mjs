// Issue 11: one thread, one open nudge (DESIGN.md, "The follow-up lifecycle"), and a
// command never acts on an item the user was not shown.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { api, apiToken, signIn } from "./lib/dashboard.mjs";
import { at, everyDay, items, itemsNaming, newUser, outreach, person, reply, signUp, tickAt } from "./lib/story.mjs";
import { mailbox, mark, waitForMail } from "./lib/worker.mjs";

const SCENARIO = { timeout: 90_000 };
const subjects = (mails) => mails.map((m) => `"${m.subject}"`).join(", ") || "nothing";

const FIRST = ["Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Harper", "Jordan", "Kendall", "Logan"];
const LAST = ["Adams", "Brooks", "Chen"];

describe("issue 11 · one open item", () => {
	it(
		"4. after two unanswered follow-ups, /api/v1/nudges shows one item for the contact, and 'done' closes it",
		SCENARIO,
		async () => {
			const tag = "s04";
			const dee = newUser(tag);
			const priya = person("Priya Raman", "raman", tag);
			await signUp(dee, "2026-11-23 09:00");
			await at(dee, "2026-11-23 10:00");
			await outreach(dee, {
				to: [priya],
				subject: "Informational interview?",
				body: "Hi Priya,\n\nI'm moving into data engineering and would value 20 minutes of your advice.\n\nDee",
			});
			const since = await mark();
			await everyDay(dee, "2026-11-24", "2026-12-02");
			const mails = await mailbox(dee.address, since);
			const digests = mails.filter((m) => itemsNaming([m], "Priya Raman").length > 0);
			assert.ok(
				digests.length >= 2,
				`two follow-ups for Priya were delivered by Wed 2 Dec; Dee got ${subjects(mails)}`,
			);
			for (const d of digests)
				assert.equal(itemsNaming([d], "Priya Raman").length, 1, `"${d.subject}" lists Priya once`);

			await at(dee, "2026-12-02 09:00");
			const token = await apiToken(await signIn(dee));
			const open = async () =>
				(await api(token, "/nudges")).data.filter(
					(n) => n.contactEmail === priya.address || n.contactName === "Priya Raman",
				);
			const before = await open();
			assert.equal(
				before.length,
				1,
				`one open item for Priya, not one per rung: ${JSON.stringify(before.map((n) => [n.kind, n.state, n.dueAt]))}`,
			);

			const latest = digests.at(-1);
			const number = items(latest).findIndex((i) => i.title.includes("Priya Raman")) + 1;
			const sinceDone = await mark();
			await reply(dee, latest, /^\d+\. /m.test(latest.text) ? `${number} done` : "done");
			await waitForMail(dee.address, (m) => m.text.includes("Priya Raman"), {
				since: sinceDone,
				what: "a one-line confirmation naming Priya",
			});
			const after = await open();
			assert.ok(
				!after.some((n) => n.id === before[0].id),
				`'done' closed Priya's open item; still listed: ${JSON.stringify(after)}`,
			);
			assert.ok(after.length <= 1, `at most one open item for Priya after 'done': ${JSON.stringify(after)}`);
		},
	);

	it("11. 'done all' never closes the items the digest did not show (the '+N more')", SCENARIO, async () => {
		const tag = "s11";
		const dee = newUser(tag);
		const people = FIRST.flatMap((f) => LAST.map((l) => person(`${f} ${l}`, l.toLowerCase(), tag)));
		await signUp(dee, "2026-11-23 09:00");
		await at(dee, "2026-11-23 10:00");
		for (const p of people)
			await outreach(dee, {
				to: [p],
				subject: `Hello from Dee, ${p.name.split(" ")[0]}`,
				body: `Hi ${p.name.split(" ")[0]},\n\nCould we talk for 15 minutes next week about your team?\n\nDee`,
			});

		let since = await mark();
		await tickAt(dee, "2026-11-26 08:05");
		const digest = await waitForMail(dee.address, (m) => /\+\d+ more/.test(m.text), {
			since,
			what: `a digest that shows some of the ${people.length} follow-ups and says "+N more"`,
		});
		const shown = items(digest).map((i) => i.title);
		const more = Number(/\+(\d+) more/.exec(digest.text)[1]);
		const hidden = people.filter((p) => !shown.some((t) => t.includes(p.name)));
		assert.equal(hidden.length, more, `the digest shows ${shown.length} items and says +${more} more`);

		await at(dee, "2026-11-26 09:00");
		since = await mark();
		await reply(dee, digest, "done all");
		await waitForMail(dee.address, () => true, { since, what: "a confirmation of 'done all'" });
		since = await mark();
		await tickAt(dee, "2026-11-27 08:05");
		const friday = await mailbox(dee.address, since);
		const back = people.filter((p) => itemsNaming(friday, p.name).length > 0).map((p) => p.name);
		assert.deepEqual(
			back.sort(),
			hidden.map((p) => p.name).sort(),
			"the items 'done all' could not have meant are still open: Friday's digest lists exactly them",
		);
	});
});
