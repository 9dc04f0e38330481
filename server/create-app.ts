import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type NextFunction, type Request, type Response } from 'express'
import helmet from 'helmet'
import type pg from 'pg'
import { pinoHttp } from 'pino-http'
import type { Logger } from 'pino'
import type { Env } from '../app/modules/env/env.server'
import { resolveTenantByHost } from '../app/modules/tenancy/resolve-tenant.server'
import type { PortalLoadContext } from '../app/modules/tenancy/load-context'
import { limitRequestBody } from './body-limit'
import { renderPlainPage, type PlainPage } from './pages'
import { createRemixHandler, sendServerErrorPage } from './remix-handler'
import { installRouteMatchingMemo } from './route-matching'
import { checkReadiness } from './readiness'

type Options = {
	env: Env
	logger: Logger
	pool: pg.Pool
	build: ServerBuild | (() => Promise<ServerBuild>)
	/** 'starting' until migrations (and, in the demo, the demo towns) are done; 'stopping' after SIGTERM. */
	getLifecycle: () => 'starting' | 'running' | 'stopping'
}

// RFC 1123 host names (lower-cased), optionally with a port. Anything else is refused with 400.
const HOST_PATTERN = /^(?=.{1,253}(:|$))[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?$/

// SAML HTTP-POST binding endpoints: the IdP's page posts to them from its own origin.
const CROSS_SITE_POST_PATHS = new Set(['/auth/nia/acs', '/auth/nia/logout-return'])

declare module 'express-serve-static-core' {
	interface Locals {
		cspNonce: string
		requestId: string
		portal?: PortalLoadContext
	}
}

export function createApp({ env, logger, pool, build, getLifecycle }: Options) {
	installRouteMatchingMemo()
	const app = express()
	app.disable('x-powered-by')
	app.set('trust proxy', env.TRUST_PROXY)

	app.use((req, res, next) => {
		const incoming = req.get('x-request-id')
		res.locals.requestId = incoming && /^[\w.-]{8,64}$/.test(incoming) ? incoming : randomUUID()
		res.locals.cspNonce = randomBytes(16).toString('base64')
		res.setHeader('x-request-id', res.locals.requestId)
		// While stopping, ask keep-alive clients to reconnect (to another instance) after this response.
		if (getLifecycle() === 'stopping') res.setHeader('connection', 'close')
		next()
	})
	app.use(
		pinoHttp({
			logger,
			genReqId: (_req, res) => (res as Response).locals.requestId,
			customProps: (_req, res) => {
				const portal = (res as Response).locals.portal
				return { tenant: portal?.kind === 'tenant' ? portal.tenant.slug : portal?.kind }
			},
			autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
			serializers: {
				req: (req) => ({ id: req.id, method: req.method, url: req.url, host: req.headers?.host }),
				res: (res) => ({ statusCode: res.statusCode }),
			},
		}),
	)
	app.use(
		helmet({
			contentSecurityPolicy: {
				directives: {
					defaultSrc: ["'self'"],
					scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
					styleSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
					imgSrc: ["'self'", 'data:'],
					connectSrc: ["'self'"],
					formAction: ["'self'"],
					frameAncestors: ["'none'"],
					objectSrc: ["'none'"],
					baseUri: ["'self'"],
					// Towns are served over plain http on *.localhost in the demo; TLS ends at the proxy in production.
					upgradeInsecureRequests: null,
				},
			},
			crossOriginEmbedderPolicy: false,
			referrerPolicy: { policy: 'same-origin' },
		}),
	)
	app.use(compression())

	// Cross-site request forgery: a state-changing request from a page of another origin is refused.
	// NIA's SAML answers arrive as cross-site form POSTs by design; those endpoints check signatures.
	app.use((req, res, next) => {
		if (['GET', 'HEAD', 'OPTIONS'].includes(req.method) || CROSS_SITE_POST_PATHS.has(req.path)) return next()
		const origin = req.get('origin')
		if (origin && origin !== 'null') {
			let originHost: string | undefined
			try {
				originHost = new URL(origin).host
			} catch {
				originHost = undefined
			}
			if (originHost === req.headers.host) return next()
		} else if (!origin) return next() // not a browser form or fetch (e.g. a payment gateway's server)
		req.log.warn({ origin }, 'cross-origin request refused')
		res.status(403).type('text/plain').send('Forbidden: request from another site / Požadavek z jiného webu byl odmítnut')
	})

	app.get('/healthz', (_req, res) => {
		res.json({ status: 'ok' })
	})
	app.get('/readyz', async (_req, res) => {
		const lifecycle = getLifecycle()
		if (lifecycle === 'stopping') return void res.status(503).json({ status: 'unavailable', reason: 'shutting down' })
		const readiness = await checkReadiness(pool)
		if (!readiness.ready) return void res.status(503).json({ status: 'unavailable', reason: readiness.reason })
		if (lifecycle === 'starting') return void res.status(503).json({ status: 'unavailable', reason: 'starting: preparing the database' })
		res.json({ status: 'ok' })
	})

	// Fingerprinted assets are the same for every town; serve them before any tenant lookup.
	app.use('/build', express.static(path.resolve('public/build'), { immutable: true, maxAge: '1y' }))
	// The other files in public/ (favicon.svg): only their own paths reach the file system, not every page
	// request (a stat and a 404 error object each time were 5 % of a page's CPU).
	const publicDir = path.resolve('public')
	const publicFiles = new Set(
		existsSync(publicDir) ? readdirSync(publicDir, { withFileTypes: true }).flatMap((entry) => (entry.isFile() ? [`/${entry.name}`] : [])) : [],
	)
	const servePublic = express.static(publicDir, { maxAge: '1h', index: false })
	app.use((req, res, next) => (publicFiles.has(req.path) ? servePublic(req, res, next) : next()))

	const plain = (res: Response, status: number, which: PlainPage) =>
		res.status(status).type('html').set('cache-control', 'no-store').send(renderPlainPage(which, res.locals.cspNonce))

	app.use(async (req: Request, res: Response, next: NextFunction) => {
		const rawHost = (req.headers.host ?? '').toLowerCase()
		if (!HOST_PATTERN.test(rawHost)) return void plain(res, 400, 'badRequest')
		const [host, port] = rawHost.split(':') as [string, string | undefined]
		// Five digits pass the pattern; a port past 65535 would make the request's URL unparseable further on.
		if (port !== undefined && Number(port) > 65535) return void plain(res, 400, 'badRequest')
		// clientIp: Express's req.ip honours TRUST_PROXY, so a client cannot pick its own address with X-Forwarded-For.
		const base = { cspNonce: res.locals.cspNonce, requestId: res.locals.requestId, clientIp: req.ip ?? null }

		if (host === env.PLATFORM_HOST.split(':')[0]) {
			// The console's pages, plus what its browser code fetches: translations and Remix's route manifest.
			if (!/^\/(platform|locales\/|__manifest)/.test(req.path)) return void res.redirect(302, '/platform')
			res.locals.portal = { kind: 'platform', ...base }
			return next()
		}
		let resolution
		try {
			resolution = await resolveTenantByHost(host)
		} catch (error) {
			req.log.error({ err: error }, 'tenant lookup failed')
			return void plain(res, 503, 'unavailable')
		}
		if (resolution.kind === 'unknown') return void plain(res, 404, 'notFound')
		const { tenant } = resolution
		if (tenant.status === 'suspended') return void plain(res, 503, 'suspended')
		if (!resolution.isPrimaryHost) {
			return void res.redirect(301, `${req.protocol}://${tenant.primaryHost}${port ? `:${port}` : ''}${req.originalUrl}`)
		}
		if (req.path.startsWith('/platform')) return void plain(res, 404, 'notFound')
		res.locals.portal = { kind: 'tenant', tenant, ...base }
		next()
	})

	app.use(limitRequestBody)

	app.all(
		'*',
		createRemixHandler({
			build,
			mode: env.NODE_ENV,
			getLoadContext: (req, res) => ({ portal: res.locals.portal as PortalLoadContext, log: req.log }),
		}),
	)

	app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
		req.log?.error({ err: error }, 'unhandled error')
		if (res.headersSent) return next(error)
		void sendServerErrorPage(req, res).catch(next)
	})
	return app
}
