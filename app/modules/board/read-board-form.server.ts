import { parseWithZod } from '@conform-to/zod/v4'
import { BoardDocumentInputSchema, type BoardDocumentInput } from './board-document-schema'
import { type BoardInputError } from './board-error'
import { BOARD_MAX_FILES, checkBoardPdf, type BoardPdf } from './check-board-pdf.server'

export type BoardFormProblem = { fieldErrors: Record<string, string[]>; formError: { key: string; name?: string } | null; values: Record<string, string> }
type Result = { ok: true; input: BoardDocumentInput; files: BoardPdf[]; dropAttachmentIds: string[] } | { ok: false; problem: BoardFormProblem }

/** The clerk's form: fields through the shared zod schema, files checked as PDFs by content. Nothing is saved here. */
export async function readBoardForm(body: FormData): Promise<Result> {
	const values = Object.fromEntries([...body.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>
	const submission = parseWithZod(body, { schema: BoardDocumentInputSchema })
	if (submission.status !== 'success') {
		const fieldErrors = Object.fromEntries(Object.entries(submission.error ?? {}).filter(([, e]) => e?.length)) as Record<string, string[]>
		return { ok: false, problem: { fieldErrors, formError: null, values } }
	}
	const uploads = body.getAll('attachments').filter((f): f is File => f instanceof File && f.size > 0)
	if (uploads.length > BOARD_MAX_FILES) return { ok: false, problem: { fieldErrors: {}, formError: { key: 'errors.tooManyFiles' }, values } }
	const files: BoardPdf[] = []
	for (const upload of uploads) {
		const checked = await checkBoardPdf(upload.name, Buffer.from(await upload.arrayBuffer()))
		if (!checked.ok) {
			const key = checked.reason === 'empty' ? 'errors.fileEmpty' : checked.reason === 'too_large' ? 'errors.fileTooLarge' : 'errors.fileNotPdf'
			return { ok: false, problem: { fieldErrors: {}, formError: { key, name: upload.name }, values } }
		}
		files.push(checked.file)
	}
	const dropAttachmentIds = body.getAll('dropAttachment').filter((v): v is string => typeof v === 'string')
	return { ok: true, input: submission.value, files, dropAttachmentIds }
}

/** A domain refusal as the form shows it: on its field when it has one. */
export function problemFromError(error: BoardInputError, body: FormData): BoardFormProblem {
	const values = Object.fromEntries([...body.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>
	return error.field ? { fieldErrors: { [error.field]: [error.key] }, formError: null, values } : { fieldErrors: {}, formError: { key: error.key }, values }
}
