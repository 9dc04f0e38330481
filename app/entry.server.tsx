import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { createInstance, type i18n as I18n } from 'i18next'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { i18nConfig } from './modules/i18n/i18n-config'
import { isLocale } from './modules/i18n/locales'
import { resources } from './modules/i18n/resources.server'
import { NonceProvider } from './modules/theming/nonce'

const ABORT_DELAY = 5_000
export const streamTimeout = ABORT_DELAY

// One initialised i18next per language for the life of the process: creating and initialising an
// instance per request (resources of every namespace, formatters, plugins) was the largest cost of a
// page in the CPU profile. Nothing on the server changes an instance's language or resources after
// init, so concurrent renders can share it.
const instances = new Map<string, Promise<I18n>>()
function i18nFor(locale: string) {
	let instance = instances.get(locale)
	if (!instance) {
		const created = createInstance()
		instance = created
			.use(initReactI18next)
			.init({ ...i18nConfig, lng: locale, resources })
			.then(() => created)
		instances.set(locale, instance)
	}
	return instance
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
	const readyEvent = isbot(request.headers.get('user-agent')) || remixContext.isSpaMode ? 'onAllReady' : 'onShellReady'

	return new Promise((resolve, reject) => {
		let shellRendered = false
		const { pipe, abort } = renderToPipeableStream(
			<NonceProvider value={nonce}>
				<I18nextProvider i18n={i18n}>
					<RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
				</I18nextProvider>
			</NonceProvider>,
			{
				nonce,
				[readyEvent]() {
					shellRendered = true
					const body = new PassThrough()
					responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
					resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
					pipe(body)
				},
				onShellError(error: unknown) {
					reject(error)
				},
				onError(error: unknown) {
					responseStatusCode = 500
					if (shellRendered) console.error(error)
				},
			},
		)
		setTimeout(abort, ABORT_DELAY + 1_000)
	})
}
