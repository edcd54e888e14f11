import type { Child } from "hono/jsx";

const STYLE = `
:root{color-scheme:light;--ink:#1f2933;--muted:#52606d;--line:#e4e7eb;--accent:#0b6e4f}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:#fafbfc}
main{max-width:52rem;margin:0 auto;padding:1.5rem 1rem}h1{font-size:1.5rem;margin:.2rem 0 1rem}
a{color:var(--accent)}.muted{color:var(--muted)}code,pre{font:14px/1.45 ui-monospace,Menlo,monospace}
pre{white-space:pre-wrap;word-break:break-word;background:#fff;border:1px solid var(--line);padding:.75rem;border-radius:6px}
article{background:#fff;border:1px solid var(--line);border-radius:8px;padding:1rem;margin:0 0 1rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.2rem 0 .8rem}dt{color:var(--muted)}dd{margin:0;word-break:break-all}
`;

export function Layout(props: { title: string; children: Child }) {
	return (
		<html lang="en">
			<head>
				<meta charset="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<title>{`${props.title} · Followthrough`}</title>
				<style>{STYLE}</style>
			</head>
			<body>
				<main>{props.children}</main>
			</body>
		</html>
	);
}
