/** A person on a mail: a lower-case address and the display name the mail gave (may be empty). */
export interface MailAddress {
	address: string;
	name: string;
}
