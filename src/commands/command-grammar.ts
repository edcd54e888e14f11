/**
 * The reply command grammar (DESIGN.md): one command per line, or several joined
 * by commas, semicolons or "and" ("1 done, 3 snooze 2d"). Once one command is
 * understood, the rest of the reply (greetings, "Thanks!", a name, a signature)
 * is passed over in silence, except a line that looks like a command we could
 * not apply. A reply may also answer the question our last mail asked. Pure.
 */
import type { LineIssue } from "./command-issues";
import { isPleasantry, type PieceReading, readPiece } from "./command-line";
import type { Command, PendingQuestion } from "./command-types";
import { mistypedCommand } from "./mistyped-command";
import { answerTo } from "./question-answer";

export { describeIssue, type LineIssue } from "./command-issues";
export { normalise, parseCommandLine, parseSnoozeDelay } from "./command-line";
export {
	type Action,
	type Command,
	GLOBAL_ACTIONS,
	type PendingQuestion,
	type SnoozeDelay,
	type Target,
} from "./command-types";

export interface ParsedCommands {
	commands: Command[];
	/** The lines to answer about, as typed: the `line` of each issue, in order. */
	unknown: string[];
	/** Why each of those lines was not applied; `describeIssue` words it. */
	issues: LineIssue[];
	/** Lines passed over in silence because the reply had a command: greetings, sign-offs, names. */
	ignored: string[];
}

const MAX_LINES = 200;
const MAX_PIECES = 10;
/** Where a signature starts: "-- ", "Sent from my iPhone", "Von meinem iPhone gesendet", "Envoyé de mon iPhone". */
const SIGNATURE = /^(?:--\s*|sent (?:from|via|with) |get outlook for|von meinem |envoy[ée] de |enviado desde )/i;

type Reading = PieceReading;

/** One piece of a line, read as a command, an answer to our question, a typo, or none of these. */
function readOne(raw: string, question: PendingQuestion | undefined): Reading {
	const r = readPiece(raw);
	if (r.kind !== "other") return r;
	const line = raw.trim();
	const name = question ? answerTo(question, r.words) : null;
	if (question && name)
		return { kind: "command", command: { action: question.action, target: { kind: "name", name }, line } };
	const typo = mistypedCommand(raw, r.words);
	if (typo) return { kind: "issue", issue: { kind: "mistyped", line, suggestion: typo.suggestion } };
	return r;
}

interface LineResult {
	commands: Command[];
	issues: LineIssue[];
	/** The line as typed when it is not a command at all. */
	other: string | null;
}

const PIECE_BREAK = /[,;]|\s(?:and|&|[-\u2013\u2014])\s|(?<=[.!?])\s/i;

function readLine(raw: string, question: PendingQuestion | undefined): LineResult | null {
	const whole = readOne(raw.slice(0, 300), question);
	if (whole.kind === "blank") return null;
	const pieces = raw.slice(0, 300).replace(/\s+/g, " ").split(PIECE_BREAK).slice(0, MAX_PIECES);
	if (pieces.length > 1) {
		const read = pieces.map((p) => readOne(p, question));
		const commands = read.flatMap((r) => (r.kind === "command" ? [r.command] : []));
		const courtesy = (r: Reading) => r.kind === "blank" || (r.kind === "other" && isPleasantry(r.words));
		const clean = read.every((r) => r.kind === "command" || courtesy(r));
		const usable = read.every((r) => r.kind === "command" || r.kind === "issue" || courtesy(r));
		// "1 done - we had coffee": a command first, then a sentence about it, which passes in silence.
		// A word or two after it ("stop 1 and ann") may be a target, so that is not a guess we make.
		const sentence = (r: Reading) => r.kind === "other" && r.words.split(" ").length >= 3;
		const explained =
			read.find((r) => !courtesy(r))?.kind === "command" &&
			read.every((r) => r.kind === "command" || r.kind === "issue" || courtesy(r) || sentence(r));
		// "done 1, 3" reads whole; "1 done, 3 snooze 2d" and "done ann, stop bob" read in parts.
		const split =
			whole.kind === "command" ? commands.length >= 2 && clean : commands.length >= 1 && (usable || explained);
		if (split) return { commands, issues: read.flatMap((r) => (r.kind === "issue" ? [r.issue] : [])), other: null };
	}
	if (whole.kind === "command") return { commands: [whole.command], issues: [], other: null };
	if (whole.kind === "issue") return { commands: [], issues: [whole.issue], other: null };
	return { commands: [], issues: [], other: raw.trim() };
}

/**
 * Reads every line of the new text, up to a signature marker. `question` is the one
 * our last mail asked, if any: a line naming one of its candidates answers it.
 */
export function parseCommands(text: string, question?: PendingQuestion): ParsedCommands {
	const lines: LineResult[] = [];
	for (const raw of text.split(/\r?\n/, MAX_LINES)) {
		if (SIGNATURE.test(raw.trim())) break;
		const line = readLine(raw, question);
		if (line) lines.push(line);
	}
	const commands = lines.flatMap((l) => l.commands);
	const out: ParsedCommands = { commands, unknown: [], issues: [], ignored: [] };
	for (const l of lines) {
		out.issues.push(...l.issues);
		if (l.other === null) continue;
		if (commands.length) out.ignored.push(l.other);
		else out.issues.push({ kind: "unknown", line: l.other });
	}
	out.unknown = out.issues.map((i) => i.line);
	return out;
}
