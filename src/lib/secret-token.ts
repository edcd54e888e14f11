/** Random secrets for reply addresses and links: 130 bits, lower-case base32 (safe in a mail local part). */
import { sha256Hex } from "./crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

export function newSecretToken(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(17));
	let bits = 0;
	let value = 0;
	let out = "";
	for (const byte of bytes) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5 && out.length < 26) {
			out += ALPHABET[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	return out;
}

/** Only this hash is stored. */
export function hashSecretToken(token: string): Promise<string> {
	return sha256Hex(token.toLowerCase());
}
