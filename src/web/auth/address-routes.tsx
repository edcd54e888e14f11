/**
 * The link in an add-address request (accounts/add-address.ts): its secret is the
 * request's token, mailed only to that address. The GET only asks (mail scanners
 * open links); the POST is the explicit yes (accounts/address-addition.ts), and
 * then the mail the address sent while it waited is released to the account.
 */
import { Hono } from "hono";
import { createAccountsRepo } from "../../accounts/accounts-repo";
import { readAddAddressContext } from "../../accounts/add-address";
import { planAddition } from "../../accounts/address-addition";
import { releaseHeldMail } from "../../inbound/release-held-mail";
import { nonEmpty } from "../../lib/non-empty";
import { hashSecretToken } from "../../lib/secret-token";
import { deliverDueOutbox } from "../../mail/deliver-outbox";
import type { AppEnv } from "../context";
import { TitledPage } from "../layout";

export const addressRoutes = new Hono<AppEnv>();

const SECRET = /^[a-z2-7]{26}$/;

async function request(c: { var: AppEnv["Variables"] }, secret: string) {
	if (!SECRET.test(secret)) return null;
	const token = await createAccountsRepo(c.var.services.db).findToken(await hashSecretToken(secret));
	const adding = token?.purpose === "verify" ? readAddAddressContext(token.contextJson) : null;
	return token && adding ? { token, address: adding.address } : null;
}

const unusable = (
	<TitledPage title="Link not usable">
		<p>This link was already used, has expired, or is not one of ours. Nothing changed.</p>
	</TitledPage>
);

addressRoutes.get("/address/:secret", async (c) => {
	const found = await request(c, c.req.param("secret"));
	const now = c.var.services.clock.now();
	if (!found || found.token.usedAt || found.token.expiresAt.getTime() <= now.getTime()) return c.html(unusable, 410);
	return c.html(
		<TitledPage title="Add this address?">
			<p>
				Someone with a Followthrough account asked to add <strong>{found.address}</strong> to it. Only say yes if this
				is your address and you asked for it.
			</p>
			<form method="post">
				<button type="submit">Yes, add {found.address}</button>
			</form>
			<p class="muted">If it wasn't you, close this page: nothing is added.</p>
		</TitledPage>,
	);
});

addressRoutes.post("/address/:secret", async (c) => {
	const found = await request(c, c.req.param("secret"));
	if (!found) return c.html(unusable, 410);
	const { services } = c.var;
	const now = services.clock.now();
	const plan = await planAddition(services.db, found.token, found.address, now);
	if (plan.kind === "unusable") return c.html(unusable, 410);
	await services.db.batch(nonEmpty(plan.writes));
	if (plan.kind === "own_account")
		return c.html(
			<TitledPage title="Not added">
				<p>
					{found.address} already has its own Followthrough account, so it was not added to another one. Nothing
					changed.
				</p>
			</TitledPage>,
		);
	await releaseHeldMail({ services, now }, plan.userId, { added: found.address });
	await deliverDueOutbox(services, now);
	return c.html(
		<TitledPage title="Added">
			<p>Done: mail you send from {found.address} now counts for that Followthrough account.</p>
		</TitledPage>,
	);
});
