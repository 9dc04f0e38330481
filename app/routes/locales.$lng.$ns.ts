import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { isLocale } from '~/modules/i18n/locales'
import { resources } from '~/modules/i18n/resources.server'

// Translations for the browser's i18next (entry.client.tsx loads them before hydrating).
export function loader({ params }: LoaderFunctionArgs) {
	const { lng } = params
	// The browser asks for /locales/<lng>/common.json: the whole last segment is the param.
	const ns = params.ns?.replace(/\.json$/, '')
	if (!isLocale(lng) || ns !== 'common') throw data(null, { status: 404 })
	return Response.json(resources[lng][ns], { headers: { 'Cache-Control': 'public, max-age=300' } })
}
