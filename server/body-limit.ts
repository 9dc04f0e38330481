// Request bodies are limited before anything buffers them (docs/decisions/013): a declared
// Content-Length over the route's limit is refused at once, unread; a chunked body is counted as it
// streams into the app (server/remix-handler.ts) and refused when it passes the limit. Either way the
// answer is 413 with a page in the visitor's language, and the connection is closed so the rest of
// the upload is never read.
import type { NextFunction, Request, Response } from 'express'
import { getTenantDb } from '../app/modules/db/tenant-db.server'
import { bodyLimitFor } from '../app/modules/http/body-limit.server'
import { plainPageLocale, renderLocalizedPage } from './pages'

declare module 'express-serve-static-core' {
	interface Locals {
		/** The largest body this request may carry, in bytes (set for every request that may have one). */
		bodyLimit: number
		/** Set once the body was refused with 413 (the app's answer, if any, is dropped). */
		bodyRefused?: boolean
	}
}

export async function limitRequestBody(req: Request, res: Response, next: NextFunction) {
	if (req.method === 'GET' || req.method === 'HEAD') return next()
	try {
		const portal = res.locals.portal
		res.locals.bodyLimit = await bodyLimitFor({ path: req.path, db: portal?.kind === 'tenant' ? getTenantDb(portal.tenant) : null })
	} catch (error) {
		return next(error)
	}
	const declared = Number(req.get('content-length') ?? 0)
	if (declared > res.locals.bodyLimit) return void (await refuseTooLarge(req, res, res.locals.bodyLimit))
	next()
}

export async function refuseTooLarge(req: Request, res: Response, limit: number) {
	if (res.headersSent) return
	res.locals.bodyRefused = true
	req.log?.warn({ limit, contentLength: req.get('content-length') ?? null }, 'request body too large')
	const locale = await plainPageLocale(req)
	if (res.headersSent) return
	res
		.status(413)
		.type('html')
		.set({ 'cache-control': 'no-store', connection: 'close' })
		.send(renderLocalizedPage({ kind: 'tooLarge', limitBytes: limit }, locale, res.locals.cspNonce))
}
