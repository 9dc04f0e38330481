// Escaping for the hand-written HTML of e-mails. Every value that is not a literal of the template
// goes through one of these.
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(value: string) {
	return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character)
}

/** A CSS value inside a style attribute: theme tokens are validated already; this keeps it so. */
export function cssValue(value: string) {
	return escapeHtml(value.replace(/[;{}<>\\]/g, ''))
}
