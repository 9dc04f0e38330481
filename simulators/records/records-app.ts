// HTTP routes of the records simulator (see README.md for the table).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { renderDocument, renderList, type Lang, type Page } from './pages'
import type { RecordsState } from './records-state'
import { verify } from './signature'
import type { CallbackStatus, StatusUpdateInput } from './types'

const MAX_BODY = 60 * 1024 * 1024
const STATUSES: CallbackStatus[] = ['delivered', 'assigned', 'in_progress', 'needs_info', 'resolved', 'rejected']

async function readBody(req: IncomingMessage): Promise<string | null> {
	const chunks: Buffer[] = []
	let size = 0
	for await (const chunk of req) {
		size += (chunk as Buffer).length
		if (size > MAX_BODY) return null
		chunks.push(chunk as Buffer)
	}
	return Buffer.concat(chunks).toString('utf8')
}

function json(res: ServerResponse, status: number, body: unknown) {
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body))
}

function html(res: ServerResponse, page: Page) {
	res
		.writeHead(page.status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': page.csp, 'X-Content-Type-Options': 'nosniff' })
		.end(page.html)
}

function header(req: IncomingMessage, name: string) {
	const value = req.headers[name.toLowerCase()]
	return Array.isArray(value) ? value[0] : value
}

/** Reads a status update from the control form or the JSON control API; a string is an error to show. */
function parseUpdate(fields: Record<string, unknown>): StatusUpdateInput | string {
	const status = fields.status as CallbackStatus
	if (!STATUSES.includes(status)) return `status must be one of ${STATUSES.join(', ')}`
	const assigneeObject = fields.assignee as { name?: string; department?: string } | undefined
	const name = String(assigneeObject?.name ?? fields.assigneeName ?? '').trim()
	const department = String(assigneeObject?.department ?? fields.department ?? '').trim()
	if (status === 'assigned' && !name) return 'an "assigned" update needs the clerk name'
	const message = String(fields.message ?? '').trim()
	return {
		status,
		...(name ? { assignee: { name, ...(department ? { department } : {}) } } : {}),
		...(message ? { message } : {}),
		...(typeof fields.eventId === 'string' && fields.eventId ? { eventId: fields.eventId } : {}),
	}
}

export function createRecordsApp(state: RecordsState, toleranceSeconds: number) {
	async function webhook(req: IncomingMessage, res: ServerResponse, slug: string) {
		const town = state.towns.get(slug)
		const idempotencyKey = header(req, 'idempotency-key') ?? null
		const answer = (status: number, body: unknown) => {
			state.attempts.push({ at: new Date(), town: slug, idempotencyKey, status })
			json(res, status, body)
		}
		if (!town) return answer(404, { error: `unknown town ${slug}` })
		const body = await readBody(req)
		if (body === null) return answer(413, { error: 'body too large' })
		if (state.takeDown()) return answer(503, { error: 'records system is down (simulated)' })
		const problem = verify(town.webhookSecret, header(req, 'x-portal-timestamp'), header(req, 'x-portal-signature'), body, toleranceSeconds)
		if (problem) return answer(401, { error: problem })
		if (!idempotencyKey) return answer(400, { error: 'Idempotency-Key is required' })
		let payload: Record<string, unknown>
		try {
			payload = JSON.parse(body)
		} catch {
			return answer(400, { error: 'body is not JSON' })
		}
		if (payload.kind === 'answer') {
			if (payload.answerId !== idempotencyKey) return answer(422, { error: 'Idempotency-Key must equal answerId' })
			const filed = state.fileAnswer(town, String(payload.submissionId), idempotencyKey, payload)
			if (!filed) return answer(422, { error: `no document for submission ${String(payload.submissionId)}` })
			return answer(filed.duplicate ? 200 : 201, { externalId: filed.answer.answerId })
		}
		if (payload.kind === 'document') {
			// A conversation filed by a clerk: a document of its own, filed once per documentId.
			if (payload.documentId !== idempotencyKey) return answer(422, { error: 'Idempotency-Key must equal documentId' })
			const thread = (payload.thread ?? {}) as { subject?: string }
			const { document, duplicate } = state.file(town, idempotencyKey, { ...payload, number: idempotencyKey, form: { title: thread.subject ?? '' } })
			return answer(duplicate ? 200 : 201, { externalId: document.id, referenceNumber: document.referenceNumber })
		}
		if (payload.submissionId !== idempotencyKey) return answer(422, { error: 'Idempotency-Key must equal submissionId' })
		const { document, duplicate } = state.file(town, idempotencyKey, payload)
		answer(duplicate ? 200 : 201, { externalId: document.id, referenceNumber: document.referenceNumber })
	}

	return async function handle(req: IncomingMessage, res: ServerResponse) {
		try {
			const url = new URL(req.url ?? '/', 'http://simulator')
			const lang: Lang = url.searchParams.get('lang') === 'en' ? 'en' : 'cs'
			const parts = url.pathname.split('/').filter(Boolean)
			if (req.method === 'POST' && parts[0] === 'towns' && parts[2] === 'webhook' && parts.length === 3) return await webhook(req, res, parts[1]!)
			if (req.method === 'GET' && url.pathname === '/')
				return html(res, renderList(lang, state.documents, state.isDown(), Number(url.searchParams.get('page')) || 1))
			if (req.method === 'GET' && parts[0] === 'documents' && parts.length === 2) return html(res, renderDocument(lang, state.find(parts[1]!)))
			if (req.method === 'POST' && url.pathname === '/down') {
				const form = new URLSearchParams((await readBody(req)) ?? '')
				state.setDown(form.get('down') === 'true')
				return res.writeHead(303, { Location: `/?lang=${lang}` }).end()
			}
			if (req.method === 'POST' && parts[0] === 'documents' && parts[2] === 'status' && parts.length === 3) {
				const doc = state.find(parts[1]!)
				if (!doc) return html(res, renderDocument(lang, undefined))
				const update = parseUpdate(Object.fromEntries(new URLSearchParams((await readBody(req)) ?? '')))
				if (typeof update === 'string') return json(res, 400, { error: update })
				await state.sendStatus(doc, update)
				return res.writeHead(303, { Location: `/documents/${doc.id}?lang=${lang}` }).end()
			}
			// Control API for tests and scripts.
			if (req.method === 'GET' && url.pathname === '/api/documents') return json(res, 200, state.documents)
			if (req.method === 'POST' && url.pathname === '/api/down') {
				const body = JSON.parse((await readBody(req)) || '{}') as { down?: boolean; forRequests?: number }
				state.setDown(typeof body.forRequests === 'number' ? { forRequests: body.forRequests } : Boolean(body.down))
				return json(res, 200, { down: state.isDown() })
			}
			if (req.method === 'POST' && parts[0] === 'api' && parts[1] === 'documents' && parts[3] === 'status' && parts.length === 4) {
				const doc = state.find(parts[2]!)
				if (!doc) return json(res, 404, { error: 'no such document' })
				const update = parseUpdate(JSON.parse((await readBody(req)) || '{}'))
				if (typeof update === 'string') return json(res, 400, { error: update })
				const sent = await state.sendStatus(doc, update)
				return json(res, 200, { eventId: sent.eventId, responseStatus: sent.responseStatus, responseBody: sent.responseBody })
			}
			json(res, 404, { error: 'not found' })
		} catch (error) {
			if (!res.headersSent) json(res, 400, { error: error instanceof Error ? error.message : String(error) })
		}
	}
}
