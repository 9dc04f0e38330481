import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { isLocale } from '~/modules/i18n/locales'
import { resources } from '~/modules/i18n/resources.server'

// Translations for the browser's i18next (entry.client.tsx loads them before hydrating).
export function loader({ params }: LoaderFunctionArgs) {
	const { lng } = params
	// The browser asks for /locales/<lng>/common.json: the whole last segment is the param.
	const ns = params.ns?.replace(/\.json$/, '')
	// Any namespace of resources.server.ts (common, platform-mail, …); nothing else.
	if (!isLocale(lng) || !ns || !Object.hasOwn(resources[lng], ns)) throw data(null, { status: 404 })
	return Response.json(resources[lng][ns as keyof (typeof resources)[typeof lng]], { headers: { 'Cache-Control': 'public, max-age=300' } })
}
