/** A résumé or CV attached (file names in EN/FR/DE/ES/PT): the outreach is an application. */
const RESUME = /(resume|curriculum|curricul|lebenslauf|bewerbung|hoja[\s_-]*de[\s_-]*vida|(^|[^a-z])cv([^a-z]|$))/i;

export function hasResumeAttachment(attachments: readonly { filename: string | null; mimeType: string }[]): boolean {
	return attachments.some((a) => {
		const name = (a.filename ?? "").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
		return name !== "" && RESUME.test(name);
	});
}
