/** The signed-in page shell: brand, navigation (current page marked), sign-out, and a one-time notice. */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Child } from "hono/jsx";
import { decodeCursor, type PageAt } from "../../lib/paging";
import type { AppEnv } from "../context";
import { Layout } from "../layout";

const NAV = [
	{ href: "/app", label: "Today" },
	{ href: "/app/contacts", label: "Contacts" },
	{ href: "/app/activity", label: "Activity" },
	{ href: "/app/insights", label: "Insights" },
	{ href: "/app/settings", label: "Settings" },
	{ href: "/app/export", label: "Export" },
] as const;
export type NavHref = (typeof NAV)[number]["href"];

export function AppPage(props: { title: string; current: NavHref | null; notice?: string | null; children: Child }) {
	const header = (
		<header class="top">
			<div class="bar">
				<a class="brand" href="/app">
					Followthrough
				</a>
				<nav aria-label="Main">
					<ul>
						{NAV.map((n) => (
							<li>
								<a href={n.href} aria-current={n.href === props.current ? "page" : undefined}>
									{n.label}
								</a>
							</li>
						))}
					</ul>
				</nav>
				<form method="post" action="/signout" class="inline">
					<button type="submit" class="secondary">
						Sign out
					</button>
				</form>
			</div>
		</header>
	);
	return (
		<Layout title={props.title} header={header}>
			{props.notice ? (
				<p class="flash" role="status">
					{props.notice}
				</p>
			) : null}
			{props.children}
		</Layout>
	);
}

/** A one-line notice carried across the redirect after a form (POST, then 303, then GET). */
const FLASH = "ft_flash";
export function setNotice(c: Context<AppEnv>, text: string) {
	setCookie(c, FLASH, text.slice(0, 300), {
		httpOnly: true,
		sameSite: "Lax",
		path: "/app",
		maxAge: 60,
		secure: c.var.services.config.environment !== "development",
	});
}
export function takeNotice(c: Context<AppEnv>): string | null {
	const raw = getCookie(c, FLASH);
	if (!raw) return null;
	deleteCookie(c, FLASH, { path: "/app" });
	return raw;
}

/**
 * Previous / next links that keep the page's other query parameters. A list read by
 * keyset links by cursor (`after` / `before`, with `page` for the label); one read by
 * offset (no cursors) by page number.
 */
export function Pager(props: {
	base: string;
	params?: Record<string, string | undefined>;
	page: number;
	hasNext: boolean;
	next?: string | null;
	prev?: string | null;
}) {
	const href = (page: number, cursor?: { after?: string | null; before?: string | null }) => {
		const q = new URLSearchParams();
		for (const [k, v] of Object.entries(props.params ?? {})) if (v) q.set(k, v);
		if (page > 1 && cursor?.after) q.set("after", cursor.after);
		if (page > 1 && cursor?.before) q.set("before", cursor.before);
		if (page > 1) q.set("page", String(page));
		const s = q.toString();
		return s ? `${props.base}?${s}` : props.base;
	};
	if (props.page <= 1 && !props.hasNext) return null;
	return (
		<nav class="pager" aria-label="Pages">
			{props.page > 1 ? <a href={href(props.page - 1, { before: props.prev })}>← Previous</a> : null}
			<span class="muted">Page {props.page}</span>
			{props.hasNext ? <a href={href(props.page + 1, { after: props.next })}>Next →</a> : null}
		</nav>
	);
}

/** `?page=` as a positive integer (1 when absent or odd). */
export const pageParam = (raw: string | undefined) => {
	const n = Number(raw);
	return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
};

/** Which page a request asks for: `after` / `before` cursors (a malformed one is ignored), `page`. */
export const pageAt = (query: (name: string) => string | undefined): PageAt => ({
	page: pageParam(query("page")),
	after: decodeCursor(query("after")),
	before: decodeCursor(query("before")),
});
