/**
 * What an HTML-only mail body reads as: the text a person sees, with block breaks, and nothing
 * from markup, comments, scripts, styles or the head. (Time on hostile input: test/security/linear-text
 * and test/fuzz/attack-shapes.)
 */
import { describe, expect, it } from "vitest";
import { htmlToText } from "../../src/lib/html-to-text";

describe("htmlToText", () => {
	it.each([
		["plain text", "Coffee next week?", "Coffee next week?"],
		["inline tags go, their text stays", "<p>Hi <b>Ann</b>,<br>coffee?</p>", "Hi Ann,\ncoffee?"],
		["blocks end lines", "<div>one</div><div>two</div><p>three</p>", "one\ntwo\nthree"],
		[
			"headings, list items and rows end lines",
			"<h2>Plan</h2><ul><li>a</li><li>b</li></ul><table><tr><td>c</td></tr></table>",
			"Plan\na\nb\nc",
		],
		["a quote starts and ends a line", "see<blockquote>quoted</blockquote>after", "see\nquoted\nafter"],
		["upper-case tags", "<P>one</P><BR>two", "one\n\ntwo"],
		["self-closing <br/>", "one<br/>two<br />three", "one\ntwo\nthree"],
		[
			"script, style and head say nothing",
			"<head><title>T</title><style>p{}</style></head><p>body</p><script>if (a<b) x()</script>end",
			"body\nend",
		],
		["a head never closed ends where the body starts", "<head><title>T</title><meta charset=utf-8><p>body</p>", "body"],
		["a head never closed ends at its first text", "<head><style>p{}</style>Hello", "Hello"],
		["an unclosed <script> hides the rest, as in a browser", "before<script>x = 1; after", "before"],
		["basic entities", "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;", "a & b <c> \"d\" 'e'"],
		["numeric entities", "&#8217;&#x2014;&#X41;", "\u2019\u2014A"],
		["&nbsp; is a plain space, trimmed at line ends", "a&nbsp;b&nbsp;<br>c", "a b\nc"],
		[
			"named entities beyond the basic five",
			"caf&eacute; &rsquo;&mdash; &hellip; &euro;5",
			"café \u2019\u2014 \u2026 \u20ac5",
		],
		["a comment is dropped, even with > inside", "a<!-- if x > y -->b", "ab"],
		["an attribute value may hold >", '<a title="x>y" href="/z">link</a>', "link"],
		["a stray < is text", "1 < 2 and 3 <> 4", "1 < 2 and 3 <> 4"],
		["a lone < at the end is text", "a <", "a <"],
		["an unfinished tag at the end is dropped, as a browser does", "a <b class", "a"],
		["blank lines fold to one, ends are trimmed", "<br><br><br>a<br><br><br><br>b<br><br>", "a\n\nb"],
		["trailing spaces and tabs go", "a  \t<br>b", "a\nb"],
		["an unknown entity stays as written", "&zzzz; & &#xZZ;", "&zzzz; & &#xZZ;"],
	])("%s", (_label, html, text) => {
		expect(htmlToText(html)).toBe(text);
	});
});
