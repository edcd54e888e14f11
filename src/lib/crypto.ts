/** Hashing and randomness from Web Crypto. */

const toHex = (bytes: ArrayBuffer | Uint8Array) =>
	Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join(
		"",
	);

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
	const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
	return toHex(await crypto.subtle.digest("SHA-256", bytes));
}

export function newId(): string {
	return crypto.randomUUID();
}
