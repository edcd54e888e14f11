/** The verb that ends a quote attribution ("On Mon, Ann <ann@x> wrote:"), in the languages clients use. */
export const ATTRIBUTION_VERBS =
	"wrote|writes|schrieb|a écrit|escribió|scrisse|schreef|skrev|napisał|kirjoitti|escreveu|написал|написала|написав|napsal";
