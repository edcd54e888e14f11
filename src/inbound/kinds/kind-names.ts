/** The name of every inbound kind (ordered-kinds.ts lists the kinds themselves), for logs and outcome reasons. */
export type KindName =
	| "other_domain"
	| "reply_token"
	| "contact_reply"
	| "new_sender"
	| "unconfirmed_sender"
	| "status"
	| "help"
	| "unknown_address"
	| "invite"
	| "met"
	| "remind"
	| "forward"
	| "intro"
	| "outreach";
