/**
 * The one error shape of every JSON answer, `{"error": {"code", "message", "issues"?}}`,
 * and the one map from its code to the HTTP status. The app (not found, internal
 * errors) and the API (validation, auth, actions) both answer through it.
 */
import type { Context } from "hono";

export const ERROR_STATUS = {
	bad_request: 400,
	unauthorized: 401,
	not_found: 404,
	not_applied: 409,
	internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export interface ErrorIssue {
	path: string;
	message: string;
}

export interface ErrorJson {
	error: { code: ErrorCode; message: string; issues?: ErrorIssue[] };
}

export const errorJson = (code: ErrorCode, message: string, issues?: ErrorIssue[]): ErrorJson =>
	issues ? { error: { code, message, issues } } : { error: { code, message } };

/** The code for a refusal raised below the handlers (an HTTPException under 500: malformed JSON, CSRF…). */
export function codeForStatus(status: number): ErrorCode {
	if (status === ERROR_STATUS.unauthorized) return "unauthorized";
	if (status === ERROR_STATUS.not_found) return "not_found";
	return "bad_request";
}

/** A bug: logged with where it happened, and answered without details. */
export function internalError(c: Context, event: string, err: unknown) {
	console.error(JSON.stringify({ event, path: c.req.path, error: String(err) }));
	return c.json(errorJson("internal", "Something went wrong on our side."), ERROR_STATUS.internal);
}
