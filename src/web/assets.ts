/**
 * The one stylesheet and the small script every page uses, served from the
 * Worker itself (no CSS framework, nothing fetched from elsewhere at runtime).
 * Pages work without the script; it only adds confirmations and auto-submit.
 */
import { Hono } from "hono";
import type { AppEnv } from "./context";

export const STYLESHEET = `
:root{color-scheme:light;--ink:#1f2933;--muted:#4a5561;--line:#d9dee3;--bg:#f7f8fa;--card:#fff;--accent:#0a5c42;--accent-ink:#fff;--warn:#8a1c1c}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:var(--bg)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--card);padding:.5rem;z-index:2}
header.top{background:var(--card);border-bottom:1px solid var(--line)}
header.top .bar{max-width:60rem;margin:0 auto;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center}
header.top .brand{font-weight:700;color:var(--ink);text-decoration:none;margin-right:auto}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.2rem .9rem;margin:0;padding:0}
nav a{color:var(--ink);text-decoration:none;padding:.2rem 0;border-bottom:2px solid transparent}
nav a[aria-current=page]{border-bottom-color:var(--accent);font-weight:600}
main{max-width:60rem;margin:0 auto;padding:1.25rem 1rem 3rem}
h1{font-size:1.45rem;margin:.2rem 0 1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
a{color:var(--accent)}.muted{color:var(--muted)}
code,pre{font:14px/1.45 ui-monospace,Menlo,monospace}
pre{white-space:pre-wrap;word-break:break-word;background:var(--card);border:1px solid var(--line);padding:.75rem;border-radius:6px}
article,.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1rem;margin:0 0 1rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.2rem 0 .8rem}dt{color:var(--muted)}dd{margin:0;word-break:break-word}
ol.items,ul.items{list-style:none;margin:0;padding:0}
.items li{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem;margin:0 0 .6rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
.items .what{flex:1 1 20rem}.items .actions{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
.tag{display:inline-block;font-size:.8rem;padding:0 .45rem;border-radius:999px;border:1px solid var(--line);color:var(--muted)}
.tag.due{border-color:var(--accent);color:var(--accent)}
form.inline{display:inline-flex;gap:.4rem;align-items:center;margin:0}
label{font-weight:600}label.choice{display:block;font-weight:400}
input,select,textarea,button{font:inherit}
input[type=text],input[type=email],input[type=search],input[type=number],select,textarea{padding:.4rem .5rem;border:1px solid #8a96a3;border-radius:6px;background:#fff;color:var(--ink);max-width:100%}
textarea{width:100%;min-height:6rem}
button,.button{display:inline-block;padding:.4rem .8rem;border-radius:6px;border:1px solid var(--accent);background:var(--accent);color:var(--accent-ink);cursor:pointer;text-decoration:none}
button.secondary{background:var(--card);color:var(--accent)}button.danger{background:var(--warn);border-color:var(--warn)}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.filters{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:end;margin:0 0 1rem}.filters div{display:flex;flex-direction:column}
.flash{background:#e6f4ee;border:1px solid #9fd3bd;border-radius:8px;padding:.6rem 1rem;margin:0 0 1rem}
.error{background:#fdecec;border:1px solid #e6a4a4;border-radius:8px;padding:.6rem 1rem;margin:0 0 1rem}
.pager{display:flex;gap:1rem;margin:1rem 0}
table{border-collapse:collapse;width:100%;background:var(--card)}th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
fieldset{border:1px solid var(--line);border-radius:8px;padding:.6rem 1rem;margin:0 0 1rem}
.stack>*+*{margin-top:.8rem}
@media (max-width:40rem){.items li{display:block}.items .actions{margin-top:.5rem}}
`;

export const SCRIPT = `
document.addEventListener("submit", function (e) {
	var q = e.target.getAttribute("data-confirm");
	if (q && !window.confirm(q)) e.preventDefault();
});
document.addEventListener("change", function (e) {
	if (e.target.matches("[data-autosubmit]")) e.target.form.requestSubmit();
});
`;

export const assetRoutes = new Hono<AppEnv>();
const cached = { "Cache-Control": "public, max-age=3600" };
assetRoutes.get("/app.css", (c) => c.body(STYLESHEET, 200, { ...cached, "Content-Type": "text/css; charset=utf-8" }));
assetRoutes.get("/app.js", (c) => c.body(SCRIPT, 200, { ...cached, "Content-Type": "text/javascript; charset=utf-8" }));
