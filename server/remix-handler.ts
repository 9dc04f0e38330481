// Express -> Remix, as @remix-run/express does it, with two differences: the request body reaches Remix
// through a byte counter that stops at the route's limit (server/body-limit.ts), and a 500 page from
// Remix is replaced by the plain page in the visitor's language with the request id (no stack, and the
// same page whatever failed: a loader, the render, the root itself).
import { Transform, type TransformCallback } from 'node:stream'
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from '@remix-run/node'
import type { NextFunction, Request, Response } from 'express'
import { PLAIN_FORM_LIMIT } from '../app/modules/http/body-limit.server'
import { wholeBodyOf } from '../app/modules/http/whole-body'
import { refuseTooLarge } from './body-limit'
import { plainPageLocale, renderLocalizedPage } from './pages'

type Options = {
	build: ServerBuild | (() => Promise<ServerBuild>)
	mode: string
	getLoadContext: (req: Request, res: Response) => AppLoadContext
}

export function createRemixHandler({ build, mode, getLoadContext }: Options) {
	const handleRequest = createRequestHandler(build, mode)
	return async (req: Request, res: Response, next: NextFunction) => {
		try {
			const controller = new AbortController()
			const request = toRemixRequest(req, res, controller)
			const response = await handleRequest(request, getLoadContext(req, res))
			if (res.headersSent) {
				// The body was refused (413 already sent) while the app was reading it: its answer goes nowhere.
				await response.body?.cancel().catch(() => {})
				return
			}
			if (response.status === 500 && /^text\/html/.test(response.headers.get('content-type') ?? '')) {
				await response.body?.cancel().catch(() => {})
				return void (await sendServerErrorPage(req, res))
			}
			await sendRemixResponse(req, res, response)
		} catch (error) {
			// After a refused body the app's work was aborted on purpose; the 413 is the answer.
			if (res.locals.bodyRefused) return
			next(error)
		}
	}
}

export async function sendServerErrorPage(req: Request, res: Response) {
	const locale = await plainPageLocale(req)
	res
		.status(500)
		.type('html')
		.set('cache-control', 'no-store')
		.send(renderLocalizedPage({ kind: 'serverError', requestId: res.locals.requestId }, locale, res.locals.cspNonce))
}

function toRemixRequest(req: Request, res: Response, controller: AbortController) {
	const [, hostPort] = req.get('host')?.split(':') ?? []
	const port = Number.parseInt(hostPort ?? '', 10)
	const url = new URL(`${req.protocol}://${req.hostname}${Number.isSafeInteger(port) ? `:${port}` : ''}${req.originalUrl}`)
	const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers: createRemixHeaders(req.headers), signal: controller.signal }
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		const limit = res.locals.bodyLimit ?? PLAIN_FORM_LIMIT
		let received = 0
		const counter = new Transform({
			transform(chunk: Buffer, _encoding, callback: TransformCallback) {
				received += chunk.length
				if (received <= limit) return callback(null, chunk)
				// A chunked body (no Content-Length) past the limit: stop reading, answer 413, abort the app's work.
				req.unpipe(counter)
				req.pause()
				void refuseTooLarge(req, res, limit)
				controller.abort()
				callback(new Error(`request body over ${limit} bytes`))
			},
		})
		req.pipe(counter)
		init.body = createReadableStreamFromReadable(counter)
		init.duplex = 'half'
	}
	let finished = false
	res.on('finish', () => (finished = true))
	res.on('close', () => {
		if (!finished) controller.abort()
	})
	return new Request(url.href, init)
}

function createRemixHeaders(incoming: Request['headers']) {
	const headers = new Headers()
	for (const [key, values] of Object.entries(incoming)) {
		if (!values) continue
		if (Array.isArray(values)) for (const value of values) headers.append(key, value)
		else headers.set(key, values)
	}
	return headers
}

async function sendRemixResponse(request: Request, res: Response, response: globalThis.Response) {
	res.statusMessage = response.statusText
	res.status(response.status)
	for (const [key, value] of response.headers.entries()) res.append(key, value)
	if (/text\/event-stream/i.test(response.headers.get('content-type') ?? '')) res.flushHeaders()
	const whole = request.method === 'HEAD' ? undefined : wholeBodyOf(response)
	if (whole) res.end(whole)
	else if (response.body) await writeReadableStreamToWritable(response.body, res)
	else res.end()
}
