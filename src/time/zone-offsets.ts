/**
 * The offsets (minutes east of UTC) that zone abbreviations in a mail's Date line
 * stand for. A client writes the abbreviation of the offset in force at that date
 * ("CEST" in July, "CET" in November), so each is one fixed offset. Only those
 * that mean one offset wherever they are written: CST (US Central, China, Cuba),
 * CDT (US, Cuba), PST (US, Philippines), IST (India, Ireland, Israel), BST
 * (British Summer, Bangladesh) and AST (Atlantic, Arabia) are left out, and a text
 * carrying one is read in the user's timezone. German, Czech and Slovak names are
 * CLDR's (de "MESZ", cs "SELČ"). Data only; keys lower case.
 */
export const ZONE_OFFSETS: ReadonlyMap<string, number> = new Map([
	["ut", 0],
	["utc", 0],
	["gmt", 0],
	["wet", 0],
	["west", 60],
	["cet", 60],
	["cest", 120],
	["eet", 120],
	["eest", 180],
	["msk", 180],
	["wez", 0],
	["wesz", 60],
	["mez", 60],
	["mesz", 120],
	["oez", 120],
	["oesz", 180],
	["seč", 60],
	["selč", 120],
	["est", -300],
	["edt", -240],
	["mst", -420],
	["mdt", -360],
	["pdt", -420],
	["akst", -540],
	["akdt", -480],
	["hst", -600],
	["jst", 540],
	["kst", 540],
	["awst", 480],
	["acst", 570],
	["acdt", 630],
	["aest", 600],
	["aedt", 660],
	["nzst", 720],
	["nzdt", 780],
]);

/** Abbreviations of the United States' zones, whose clients write figures month first (02/10/2023). */
export const MONTH_FIRST_ZONES: ReadonlySet<string> = new Set([
	"est",
	"edt",
	"cst",
	"cdt",
	"mst",
	"mdt",
	"pst",
	"pdt",
	"akst",
	"akdt",
	"hst",
]);
