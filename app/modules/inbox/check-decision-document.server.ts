import { checkUpload, type CheckedUpload, type UploadRefusal } from '../forms/check-upload.server'

/** What a decision document may be: checked by content, like a citizen's upload. */
export const DECISION_DOCUMENT_TYPES = [
	'application/pdf',
	'image/jpeg',
	'image/png',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	'application/vnd.oasis.opendocument.text',
]
export const DECISION_DOCUMENT_LIMITS = { attachments: { maxFiles: 1, maxFileSizeMb: 10, maxTotalSizeMb: 10 } }

/** The clerk's optional decision document; null when none was chosen. */
export async function checkDecisionDocument(
	file: File | null,
): Promise<{ ok: true; file: CheckedUpload | null } | { ok: false; reason: UploadRefusal; detail?: string }> {
	if (!file || file.size === 0) return { ok: true, file: null }
	const content = Buffer.from(await file.arrayBuffer())
	return checkUpload({
		definition: DECISION_DOCUMENT_LIMITS,
		accept: DECISION_DOCUMENT_TYPES,
		maxFiles: 1,
		fieldName: 'decision',
		fileName: file.name,
		content,
		existing: [],
	})
}
