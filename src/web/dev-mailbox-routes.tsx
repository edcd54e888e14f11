/** GET /dev/mailbox (HTML) and /dev/mailbox.json: mail "sent" without Resend. Development only. */
import { Hono } from "hono";
import { listDevMailbox } from "../mail/dev-mailbox";
import type { AppEnv } from "./context";
import { Layout } from "./layout";

export const devMailboxRoutes = new Hono<AppEnv>();

devMailboxRoutes.use("*", async (c, next) => {
	if (!c.var.services.config.isDevelopment) return c.notFound();
	await next();
});

devMailboxRoutes.get("/mailbox.json", async (c) => c.json(await listDevMailbox(c.var.services.db)));

devMailboxRoutes.get("/mailbox", async (c) => {
	const mails = (await listDevMailbox(c.var.services.db)).reverse();
	return c.html(
		<Layout title="Dev mailbox">
			<h1>Dev mailbox</h1>
			<p class="muted">
				{mails.length === 0
					? "No mail yet. Mail the Worker, or run the cron, and outgoing mail lands here."
					: `${mails.length} ${mails.length === 1 ? "mail" : "mails"}, newest first. `}
				<a href="/dev/mailbox.json">JSON</a>
			</p>
			{mails.map((m) => (
				<article>
					<h2>{m.subject}</h2>
					<dl>
						<dt>From</dt>
						<dd>{m.from}</dd>
						<dt>To</dt>
						<dd>{m.to}</dd>
						{m.replyTo ? (
							<>
								<dt>Reply-To</dt>
								<dd>{m.replyTo}</dd>
							</>
						) : null}
						<dt>Sent</dt>
						<dd>{m.createdAt}</dd>
					</dl>
					<pre>{m.text}</pre>
				</article>
			))}
		</Layout>,
	);
});
