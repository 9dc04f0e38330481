import { createHash } from 'node:crypto'
import { fileTypeFromBuffer } from 'file-type'
import type { FormDefinition } from './form-definition-schema'

export const UPLOAD_REFUSALS = ['empty', 'too_large', 'total_too_large', 'too_many', 'field_too_many', 'type_unknown', 'type_not_allowed'] as const
export type UploadRefusal = (typeof UPLOAD_REFUSALS)[number]

export type CheckedUpload = { fileName: string; contentType: string; size: number; sha256: string; content: Buffer }

type Options = {
	definition: Pick<FormDefinition, 'attachments'>
	/** Content types the field accepts. */
	accept: string[]
	/** How many files the field takes. */
	maxFiles: number
	/** The field's own size limit, when smaller than the form's. */
	maxFileSizeMb?: number | undefined
	fileName: string
	content: Buffer
	/** Files already attached to the draft: all of them, and those of this field. */
	existing: { size: number; fieldName: string }[]
	fieldName: string
}

const MB = 1024 * 1024

/**
 * Checks one uploaded file against the form's limits. The type is what the bytes are (magic
 * numbers, `file-type`), never what the name or the browser claims: an .exe renamed to .pdf is
 * refused. Returns the checked file with its sha256, or the reason it was refused.
 */
export async function checkUpload(options: Options): Promise<{ ok: true; file: CheckedUpload } | { ok: false; reason: UploadRefusal; detail?: string }> {
	const { definition, content, existing } = options
	const limits = definition.attachments
	if (content.length === 0) return { ok: false, reason: 'empty' }
	const maxFileSizeMb = Math.min(limits.maxFileSizeMb, options.maxFileSizeMb ?? Number.POSITIVE_INFINITY)
	if (content.length > maxFileSizeMb * MB) return { ok: false, reason: 'too_large', detail: `${maxFileSizeMb}` }
	if (existing.length >= limits.maxFiles) return { ok: false, reason: 'too_many', detail: `${limits.maxFiles}` }
	if (existing.filter((file) => file.fieldName === options.fieldName).length >= options.maxFiles)
		return { ok: false, reason: 'field_too_many', detail: `${options.maxFiles}` }
	const total = existing.reduce((sum, file) => sum + file.size, 0) + content.length
	if (total > limits.maxTotalSizeMb * MB) return { ok: false, reason: 'total_too_large', detail: `${limits.maxTotalSizeMb}` }
	const detected = await fileTypeFromBuffer(content)
	if (!detected) return { ok: false, reason: 'type_unknown' }
	if (!options.accept.includes(detected.mime)) return { ok: false, reason: 'type_not_allowed', detail: detected.ext }
	return {
		ok: true,
		file: {
			fileName: safeFileName(options.fileName, detected.ext),
			contentType: detected.mime,
			size: content.length,
			sha256: createHash('sha256').update(content).digest('hex'),
			content,
		},
	}
}

// Keep the citizen's name for recognition, but make it safe to show and to send on, with the
// extension of what the file really is.
function safeFileName(name: string, ext: string) {
	const base =
		(name.split(/[\\/]/).pop() ?? 'file')
			.replace(/\.[^.]*$/, '')
			.replace(/[^\p{L}\p{N} ._-]/gu, '_')
			.slice(0, 100) || 'file'
	return `${base}.${ext}`
}
