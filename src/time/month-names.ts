/**
 * Month names as mail clients write them in a date, per language: CLDR 48 (the
 * data behind ICU and Intl), format and stand-alone, wide and abbreviated, with
 * the regional variants merged (en-GB "sept", de-AT "jänner", pt-PT, es-419,
 * fr-CA, nl-BE). Lower case, NFC, dots dropped. The format forms are the inflected
 * ones a date uses: cs "října", fi "lokakuuta", pl "października", ru "октября".
 * Generated with Intl in Node (ICU 78.2, CLDR 48), except fi's format abbreviations
 * ("lokak."), which ICU's skeletons never pick but Gmail writes (CLDR fi.xml,
 * months/format/abbreviated). Data only. One line per language; "|" between months
 * (January first), a space between the forms of one month.
 */
export const MONTH_NAMES: Readonly<Record<string, string>> = {
	en: "january jan|february feb|march mar|april apr|may|june jun|july jul|august aug|september sep sept|october oct|november nov|december dec",
	de: "januar jan jänner jän|februar feb|märz mär|april apr|mai|juni jun|juli jul|august aug|september sep sept|oktober okt|november nov|dezember dez",
	fr: "janvier janv|février févr|mars|avril avr|mai|juin|juillet juil juill|août|septembre sept|octobre oct|novembre nov|décembre déc",
	es: "enero ene|febrero feb|marzo mar|abril abr|mayo may|junio jun|julio jul|agosto ago|septiembre sept|octubre oct|noviembre nov|diciembre dic",
	it: "gennaio gen|febbraio feb|marzo mar|aprile apr|maggio mag|giugno giu|luglio lug|agosto ago|settembre set|ottobre ott|novembre nov|dicembre dic",
	pt: "janeiro jan|fevereiro fev|março mar|abril abr|maio mai|junho jun|julho jul|agosto ago|setembro set|outubro out|novembro nov|dezembro dez",
	nl: "januari jan|februari feb|maart mrt|april apr|mei|juni jun|juli jul|augustus aug|september sep|oktober okt|november nov|december dec",
	sv: "januari jan|februari feb|mars|april apr|maj|juni|juli|augusti aug|september sep|oktober okt|november nov|december dec",
	da: "januar jan|februar feb|marts mar|april apr|maj|juni jun|juli jul|august aug|september sep|oktober okt|november nov|december dec",
	nb: "januar jan|februar feb|mars mar|april apr|mai|juni jun|juli jul|august aug|september sep|oktober okt|november nov|desember des",
	fi: "tammikuu tammi tammikuuta tammik|helmikuu helmi helmikuuta helmik|maaliskuu maalis maaliskuuta maalisk|huhtikuu huhti huhtikuuta huhtik|toukokuu touko toukokuuta toukok|kesäkuu kesä kesäkuuta kesäk|heinäkuu heinä heinäkuuta heinäk|elokuu elo elokuuta elok|syyskuu syys syyskuuta syysk|lokakuu loka lokakuuta lokak|marraskuu marras marraskuuta marrask|joulukuu joulu joulukuuta jouluk",
	et: "jaanuar jaan|veebruar veebr|märts|aprill apr|mai|juuni|juuli|august aug|september sept|oktoober okt|november nov|detsember dets",
	cs: "leden led ledna|únor úno února|březen bře března|duben dub dubna|květen kvě května|červen čvn června|červenec čvc července|srpen srp srpna|září zář|říjen říj října|listopad lis listopadu|prosinec pro prosince",
	sk: "január jan januára|február feb februára|marec mar marca|apríl apr apríla|máj mája|jún júna|júl júla|august aug augusta|september sep septembra|október okt októbra|november nov novembra|december dec decembra",
	pl: "styczeń sty stycznia|luty lut lutego|marzec mar marca|kwiecień kwi kwietnia|maj maja|czerwiec cze czerwca|lipiec lip lipca|sierpień sie sierpnia|wrzesień wrz września|październik paź października|listopad lis listopada|grudzień gru grudnia",
	hr: "siječanj sij siječnja|veljača velj veljače|ožujak ožu ožujka|travanj tra travnja|svibanj svi svibnja|lipanj lip lipnja|srpanj srp srpnja|kolovoz kol kolovoza|rujan ruj rujna|listopad lis listopada|studeni stu studenoga|prosinac pro prosinca",
	hu: "január jan|február febr|március márc|április ápr|május máj|június jún|július júl|augusztus aug|szeptember szept|október okt|november nov|december dec",
	ro: "ianuarie ian|februarie feb|martie mar|aprilie apr|mai|iunie iun|iulie iul|august aug|septembrie sept|octombrie oct|noiembrie nov|decembrie dec",
	tr: "ocak oca|şubat şub|mart mar|nisan nis|mayıs may|haziran haz|temmuz tem|ağustos ağu|eylül eyl|ekim eki|kasım kas|aralık ara",
	ru: "январь янв января|февраль февр февраля|март марта мар|апрель апр апреля|май мая|июнь июня июн|июль июля июл|август авг августа|сентябрь сент сентября|октябрь окт октября|ноябрь нояб ноября|декабрь дек декабря",
	uk: "січень січ січня|лютий лют лютого|березень бер березня|квітень квіт квітня|травень трав травня|червень черв червня|липень лип липня|серпень серп серпня|вересень вер вересня|жовтень жовт жовтня|листопад лист листопада|грудень груд грудня",
};

/**
 * Weekday names (CLDR 48, wide and abbreviated) of the languages whose month words
 * collide (hr "listopad" is October, cs and pl "listopad" November; "lis", "lip",
 * "srp" likewise): a weekday in the text tells which language wrote it.
 */
export const WEEKDAY_NAMES: Readonly<Record<string, string>> = {
	cs: "pondělí po úterý út středa st čtvrtek čt pátek pá sobota so neděle ne",
	pl: "poniedziałek pon wtorek wt środa śr czwartek czw piątek pt sobota sob niedziela niedz",
	hr: "ponedjeljak pon utorak uto srijeda sri četvrtak čet petak pet subota sub nedjelja ned",
};

/** Languages whose long date writes the day as an ordinal with a dot ("26. října"; CLDR 48 patterns). */
export const DAY_WITH_DOT: ReadonlySet<string> = new Set(["de", "da", "nb", "fi", "et", "cs", "sk", "hr", "hu"]);
