import { checkUpload, type CheckedUpload, type UploadRefusal } from '../forms/check-upload.server'

// Files on a message are checked exactly as form attachments are: by their content, not their name.
const LIMITS = { attachments: { maxFiles: 5, maxFileSizeMb: 10, maxTotalSizeMb: 20 } }
export const MESSAGE_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png']

export type MessageFilesResult = { ok: true; files: CheckedUpload[] } | { ok: false; reason: UploadRefusal; name: string; detail: string }

export async function checkMessageFiles(entries: FormDataEntryValue[]): Promise<MessageFilesResult> {
	const files: CheckedUpload[] = []
	for (const entry of entries) {
		if (typeof entry === 'string' || entry.size === 0) continue
		const existing = files.map((file) => ({ size: file.size, fieldName: 'message' }))
		const checked = await checkUpload({
			definition: LIMITS,
			accept: MESSAGE_FILE_TYPES,
			maxFiles: LIMITS.attachments.maxFiles,
			fieldName: 'message',
			fileName: entry.name,
			content: Buffer.from(await entry.arrayBuffer()),
			existing,
		})
		if (!checked.ok) return { ok: false, reason: checked.reason, name: entry.name, detail: checked.detail ?? '' }
		files.push(checked.file)
	}
	return { ok: true, files }
}
