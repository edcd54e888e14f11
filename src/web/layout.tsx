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

/** A standalone page (a one-click link, an address confirmation): the shell with its title as the heading. */
export function TitledPage(props: { title: string; children: Child }) {
	return (
		<Layout title={props.title}>
			<h1>{props.title}</h1>
			{props.children}
		</Layout>
	);
}
