/** Addresses of machines and shared inboxes, which are never followed up with. */
const ROLE_LOCALS = new Set([
	"noreply",
	"no-reply",
	"no_reply",
	"donotreply",
	"do-not-reply",
	"do_not_reply",
	"mailer-daemon",
	"postmaster",
	"bounce",
	"bounces",
	"notification",
	"notifications",
	"notify",
	"alerts",
	"calendar-notification",
	"invitations",
	"automated",
	"auto-confirm",
]);

export function isRoleAddress(address: string): boolean {
	const local = address.split("@")[0]?.toLowerCase() ?? "";
	const base = local.split("+")[0] ?? local;
	return ROLE_LOCALS.has(base) || /^(no-?reply|do-?not-?reply)/.test(base);
}
