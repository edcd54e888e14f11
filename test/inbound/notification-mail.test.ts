/**
 * Notifications from networking sites name a person to track by name; machine
 * senders never become contacts (DESIGN.md, People). Written from the notifications
 * people receive.
 */
import { describe, expect, it } from "vitest";
import { isNotificationSender, readNotification } from "../../src/inbound/notification-mail";

const from = (address: string, name?: string) => ({ address, name });

describe("readNotification", () => {
	it.each([
		[from("messages-noreply@linkedin.com", "LinkedIn"), "Ann Lee sent you a message", "Ann Lee", "LinkedIn", "message"],
		[from("messaging-digest-noreply@linkedin.com"), "Ann Lee sent you a new message", "Ann Lee", "LinkedIn", "message"],
		[from("inmail-hit-reply@linkedin.com"), "Bob Ortiz sent you an InMail", "Bob Ortiz", "LinkedIn", "message"],
		[from("invitations@linkedin.com"), "Carla Díaz wants to connect", "Carla Díaz", "LinkedIn", "invitation"],
		[
			from("invitations@linkedin.com"),
			"Invitation to connect from Dana O'Neil",
			"Dana O'Neil",
			"LinkedIn",
			"invitation",
		],
		[from("notifications-noreply@linkedin.com"), "Ann Lee accepted your invitation", "Ann Lee", "LinkedIn", "accepted"],
		[
			from("notifications-noreply@linkedin.com"),
			"Ann Lee mentioned you in a comment",
			"Ann Lee",
			"LinkedIn",
			"mention",
		],
		[
			from("mailrobot@mail.xing.com"),
			"Jonas Weber hat Ihnen eine Nachricht gesendet",
			"Jonas Weber",
			"XING",
			"message",
		],
		[from("mailrobot@mail.xing.com"), "Neue Nachricht von Lena Hoffmann", "Lena Hoffmann", "XING", "message"],
		[
			from("messages-noreply@linkedin.com"),
			"Camille Martin vous a envoyé un message",
			"Camille Martin",
			"LinkedIn",
			"message",
		],
		[
			from("messages-noreply@linkedin.com"),
			"Lucía García te ha enviado un mensaje",
			"Lucía García",
			"LinkedIn",
			"message",
		],
		[from("invitations@linkedin.com"), "Mateo López quiere conectar", "Mateo López", "LinkedIn", "invitation"],
		[from("messages-noreply@linkedin.com"), "Fwd: Ann Lee sent you a message", "Ann Lee", "LinkedIn", "message"],
		[
			from("messages-noreply@linkedin.com", "Ann Lee via LinkedIn"),
			"Hi Robin, quick question",
			"Ann Lee",
			"LinkedIn",
			"message",
		],
	])("%o %j → %j on %s (%s)", (sender, subject, personName, service, kind) => {
		expect(readNotification({ from: sender, subject })).toEqual({ personName, service, kind });
	});

	it.each([
		[from("ann@acme.example", "Ann Lee"), "Ann Lee sent you a message"],
		[from("jobs-noreply@linkedin.com"), "15 new jobs for Product Designer"],
		[from("messages-noreply@linkedin.com"), "You have 3 new messages"],
		[from("messages-noreply@linkedin.com"), "Someone sent you a message"],
		[from("notifications-noreply@linkedin.com"), "You appeared in 12 searches this week"],
		[from("news@linkedin.com"), "Ann Lee and 40 others posted about AI agents in marketing strategy today"],
	])("%o %j is not about a person to track", (sender, subject) => {
		expect(readNotification({ from: sender, subject })).toBeNull();
	});
});

describe("isNotificationSender", () => {
	it.each([
		"noreply@acme.example",
		"no-reply@accounts.google.com",
		"do-not-reply@greenhouse.example",
		"donotreply@workday.example",
		"notifications@github.com",
		"notification@slack.example",
		"alerts@jobs.example",
		"MAILER-DAEMON@mx.example.net",
		"postmaster@outlook.com",
		"bounces+12345@sendgrid.example",
		"messages-noreply@linkedin.com",
		"invitations@linkedin.com",
		"inmail-hit-reply@linkedin.com",
		"mailrobot@mail.xing.com",
		"notification+abc@facebookmail.com",
		"reply+AB12@reply.github.com",
		"calendar-notification@google.com",
	])("%s is a machine", (address) => {
		expect(isNotificationSender(address)).toBe(true);
	});

	it.each([
		"ann@acme.example",
		"ann.lee@gmail.com",
		"replyguy@blog.example",
		"news.anchor@tv.example",
		"jobsworth@firm.example",
		"noah@noreply-consulting.example",
		"info@bakery.example",
		"hello@startup.example",
		"not-an-address",
	])("%s is a person (or could be)", (address) => {
		expect(isNotificationSender(address)).toBe(false);
	});
});
