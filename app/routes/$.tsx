import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { isRouteErrorResponse } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'

// Unknown paths on a known town get the town's own 404 page (header, language, contacts).
export async function loader({ request, context }: LoaderFunctionArgs) {
	// The page title (WCAG 2.4.2) in the visitor's language; the boundary renders the rest.
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	throw data({ title: resources[locale].common.errors.notFoundTitle }, { status: 404 })
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ error, matches }) => {
	const town = matches.find((match) => match.id === 'root')?.data?.town?.name
	const title = isRouteErrorResponse(error) && typeof error.data?.title === 'string' ? error.data.title : 'Stránka nenalezena'
	return [{ title: town ? `${title} – ${town}` : title }]
}

export default function NotFound() {
	return null
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
