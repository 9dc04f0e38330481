/**
 * Folds text for the board's accent-insensitive search: lower case, and each Latin letter of Latin-1
 * and Latin Extended-A (U+00C0–U+024F) whose canonical decomposition is an ASCII letter plus marks
 * loses its marks ("Rozpočet" → "rozpocet", "odpadů" → "odpadu"). The same fold as the database
 * trigger board_document_fold_search_text (migration 20261205070000), which keeps the documents'
 * folded text; other scripts (Ukrainian) are only lower-cased, on both sides.
 */
export function foldForSearch(text: string) {
	return text.toLowerCase().replace(/[\u00C0-\u024F]/g, (letter) => {
		const base = letter.normalize('NFD').replace(/\p{M}/gu, '')
		return /^[a-z]$/.test(base) ? base : letter
	})
}
