import { Writable } from 'node:stream'
import { type AppLoadContext, type EntryContext, type HandleErrorFunction } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { createInstance, type i18n as I18n } from 'i18next'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { wholeBodyResponse } from './modules/http/whole-body'
import { i18nConfig } from './modules/i18n/i18n-config'
import { isLocale } from './modules/i18n/locales'
import { rememberTranslations } from './modules/i18n/remember-translations.server'
import { resources } from './modules/i18n/resources.server'
import { NonceProvider } from './modules/theming/nonce'

const ABORT_DELAY = 5_000
export const streamTimeout = ABORT_DELAY

// One initialised i18next per language for the life of the process: creating and initialising an
// instance per request (resources of every namespace, formatters, plugins) was the largest cost of a
// page in the CPU profile. Nothing on the server changes an instance's language or resources after
// init, so concurrent renders can share it, and its answers can be remembered.
const instances = new Map<string, Promise<I18n>>()
function i18nFor(locale: string) {
	let instance = instances.get(locale)
	if (!instance) {
		const created = createInstance()
		instance = created
			.use(initReactI18next)
			.init({ ...i18nConfig, lng: locale, resources })
			.then(() => rememberTranslations(created))
		instances.set(locale, instance)
	}
	return instance
}

// Every error a loader, an action or the render throws comes here. Remix's own fallback logs nothing when
// NODE_ENV is 'test' (the e2e server) and nothing for an aborted request, so an error could vanish behind
// a bare 500; here it always reaches the request's logger (with the request id).
export const handleError: HandleErrorFunction = (error, { request, context }) => {
	const log = context.log
	// A 4xx Remix answered itself (no route matched, a method not allowed): not a failure of the app.
	if (isRouteErrorResponse(error) && error.status < 500) {
		log?.debug({ status: error.status, url: request.url }, 'route error response')
		return
	}
	const err = isRouteErrorResponse(error) && (error as { error?: unknown }).error ? (error as { error?: unknown }).error : error
	const message = request.signal.aborted ? 'request failed after the client went away' : 'request failed'
	if (log) log[request.signal.aborted ? 'warn' : 'error']({ err, method: request.method, url: request.url }, message)
	else console.error(message, request.method, request.url, err)
}

export default async function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	remixContext: EntryContext,
	loadContext: AppLoadContext,
) {
	const rootData = remixContext.staticHandlerContext.loaderData?.root as { locale?: string } | undefined
	const locale = isLocale(rootData?.locale) ? rootData.locale : 'cs'
	const i18n = await i18nFor(locale)
	const nonce = loadContext.portal?.cspNonce ?? ''
	// The whole page is rendered before it is sent (nothing here streams: no defer, no Suspense) and goes
	// out as one buffer: React writes a page in 2 kB pieces, and passing each through a stream to the socket
	// cost more CPU than rendering some pages (decision 029).
	return new Promise((resolve, reject) => {
		let shellRendered = false
		const chunks: Buffer[] = []
		const body = new Writable({
			write(chunk: Buffer, _encoding, callback) {
				chunks.push(chunk)
				callback()
			},
			final(callback) {
				clearTimeout(timeout)
				responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
				resolve(wholeBodyResponse(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }))
				callback()
			},
		})
		const { pipe, abort } = renderToPipeableStream(
			<NonceProvider value={nonce}>
				<I18nextProvider i18n={i18n}>
					<RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
				</I18nextProvider>
			</NonceProvider>,
			{
				nonce,
				onShellReady() {
					shellRendered = true
				},
				onAllReady() {
					pipe(body)
				},
				onShellError(error: unknown) {
					clearTimeout(timeout)
					reject(error)
				},
				onError(error: unknown) {
					responseStatusCode = 500
					if (shellRendered) handleError(error, { request, params: {}, context: loadContext })
				},
			},
		)
		const timeout = setTimeout(abort, ABORT_DELAY + 1_000)
	})
}
