/** The page shell for every HTML page: one stylesheet, one small script, a skip link. */
import type { Child } from "hono/jsx";

export function Layout(props: { title: string; header?: Child; children: Child }) {
	return (
		<html lang="en">
			<head>
				<meta charset="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<title>{`${props.title} · Followthrough`}</title>
				<link rel="stylesheet" href="/assets/app.css" />
				<script src="/assets/app.js" defer />
			</head>
			<body>
				<a class="skip" href="#main">
					Skip to content
				</a>
				{props.header}
				<main id="main">{props.children}</main>
			</body>
		</html>
	);
}
