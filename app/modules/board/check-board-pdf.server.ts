import { createHash } from 'node:crypto'
import { fileTypeFromBuffer } from 'file-type'

export const BOARD_MAX_FILE_MB = 20
export const BOARD_MAX_FILES = 10

export type BoardPdf = { fileName: string; contentType: 'application/pdf'; size: number; sha256: string; content: Buffer }
export type BoardPdfRefusal = 'empty' | 'too_large' | 'not_pdf'

/** A board attachment must be a PDF by its bytes (magic number), whatever its name or the browser says. */
export async function checkBoardPdf(fileName: string, content: Buffer): Promise<{ ok: true; file: BoardPdf } | { ok: false; reason: BoardPdfRefusal }> {
	if (content.length === 0) return { ok: false, reason: 'empty' }
	if (content.length > BOARD_MAX_FILE_MB * 1024 * 1024) return { ok: false, reason: 'too_large' }
	const detected = await fileTypeFromBuffer(content)
	if (detected?.mime !== 'application/pdf') return { ok: false, reason: 'not_pdf' }
	const base =
		(fileName.split(/[\\/]/).pop() ?? 'dokument')
			.replace(/\.[^.]*$/, '')
			.replace(/[^\p{L}\p{N} ._-]/gu, '_')
			.slice(0, 100) || 'dokument'
	return {
		ok: true,
		file: {
			fileName: `${base}.pdf`,
			contentType: 'application/pdf',
			size: content.length,
			sha256: createHash('sha256').update(content).digest('hex'),
			content,
		},
	}
}
