/**
 * Every kind of inbound mail, in the order they are tried: the first whose match
 * applies processes the mail. Whose mail it is comes first (not our domain, a
 * reply to our mail, a contact's reply-all, a new or unconfirmed sender), then what a confirmed user's
 * mail asks for, by address, then by content; outreach last.
 */
import { contactReply } from "./contact-reply";
import { forward } from "./forward";
import { help } from "./help";
import type { InboundKind } from "./inbound-kind";
import { intro } from "./intro";
import { invite } from "./invite";
import { met } from "./met";
import { newSender } from "./new-sender";
import { otherDomain } from "./other-domain";
import { outreach } from "./outreach";
import { remind } from "./remind";
import { replyToken } from "./reply-token";
import { status } from "./status";
import { unconfirmedSender } from "./unconfirmed-sender";
import { unknownAddress } from "./unknown-address";

export const INBOUND_KINDS: readonly InboundKind<unknown>[] = [
	otherDomain,
	replyToken,
	contactReply,
	newSender,
	unconfirmedSender,
	status,
	help,
	unknownAddress,
	invite,
	met,
	remind,
	forward,
	intro,
	outreach,
];
