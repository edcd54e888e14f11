/** Finds or creates a user's contacts for a list of people, as writes for the caller's batch. */
import type { CONTACT_STATUSES } from "../db/schema";
import type { Write } from "../db/write";
import { newId } from "../lib/crypto";
import type { MailAddress } from "../mail/mail-address";
import { cleanDisplayName, mayReplaceName } from "./contact-name";
import type { ContactRow, TrackingRepo } from "./tracking-repo";

type ContactStatus = (typeof CONTACT_STATUSES)[number];

export interface ContactRef {
	id: string;
	email: string;
	name: string | null;
	isNew: boolean;
	existing: ContactRow | null;
}

export interface EnsureOptions {
	/** Status for new contacts, and for existing ones when `touch` is set. */
	status: ContactStatus;
	/** This mail is contact with them: update status and last-contact time. */
	touch: boolean;
	referrerId?: string | null;
	now: Date;
}

/** Contacts known by name only (a forward showing "From: Dana Whitfield") are keyed `name:<name>`. */
export const NAME_ONLY_PREFIX = "name:";

/** A person with no address, keyed by their name. */
export function nameOnly(name: string): MailAddress {
	const clean = name.replace(/\s+/g, " ").trim().slice(0, 80);
	return { name: clean, address: `${NAME_ONLY_PREFIX}${clean.toLowerCase()}` };
}

/** The display name: "Ann Lee", else the address. */
export const displayName = (c: { name: string | null; email: string }) =>
	c.name?.trim() || (c.email.startsWith(NAME_ONLY_PREFIX) ? c.email.slice(NAME_ONLY_PREFIX.length) : c.email);

export async function ensureContacts(
	repo: TrackingRepo,
	userId: string,
	people: readonly MailAddress[],
	opts: EnsureOptions,
	/** Already-read contacts of these people, to save a round trip. */
	known?: Map<string, ContactRow>,
): Promise<{ contacts: ContactRef[]; writes: Write[] }> {
	const unique = new Map<string, MailAddress>();
	for (const p of people) if (p.address && !unique.has(p.address)) unique.set(p.address, p);
	const existing = known ?? (await repo.contactsByEmail(userId, [...unique.keys()]));
	const writes: Write[] = [];
	const refs: ContactRef[] = [];
	for (const person of unique.values()) {
		// "Lee, Bob" → "Bob Lee", "ANN LEE" → "Ann Lee": names as people read them.
		const name = cleanDisplayName(person.name);
		const found = existing.get(person.address);
		if (!found) {
			const id = newId();
			writes.push(
				repo.insertContact({
					id,
					userId,
					email: person.address,
					name,
					status: opts.status,
					referrerId: opts.referrerId ?? null,
					lastContactAt: opts.touch ? opts.now : null,
					createdAt: opts.now,
					updatedAt: opts.now,
				}),
			);
			refs.push({ id, email: person.address, name, isNew: true, existing: null });
			continue;
		}
		const set: Parameters<TrackingRepo["updateContact"]>[2] = {};
		if (mayReplaceName(found.name, person.name)) set.name = name;
		if (opts.touch) Object.assign(set, { status: opts.status, lastContactAt: opts.now });
		if (opts.referrerId && !found.referrerId) set.referrerId = opts.referrerId;
		if (Object.keys(set).length > 0) writes.push(repo.updateContact(userId, found.id, { ...set, updatedAt: opts.now }));
		refs.push({ id: found.id, email: found.email, name: found.name ?? name, isNew: false, existing: found });
	}
	return { contacts: refs, writes };
}
