/**
 * The whole data model of DESIGN.md. Times are UTC instants stored as epoch
 * milliseconds; "local dates" (a cadence nudge's day) are ISO `YYYY-MM-DD` text
 * in the user's timezone. Message bodies and attachments are never stored.
 */
export * from "./tables/accounts";
export * from "./tables/dev-clock";
export * from "./tables/inbound";
export * from "./tables/mail";
export * from "./tables/tokens";
export * from "./tables/tracking";
