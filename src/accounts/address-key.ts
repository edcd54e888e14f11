/**
 * The key under which sign-in requests from an address are counted (only this
 * hash is stored): session/sign-in-limits.ts writes it, and deleting an account
 * finds the rows by it.
 */
import { sha256Hex } from "../lib/crypto";

export const addressKeyHash = (address: string) => sha256Hex(`address:${address.toLowerCase()}`);
