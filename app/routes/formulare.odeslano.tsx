import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: ['forms'] }

// Confirmation of an anonymous submission: only the number (there is no account to show it in).
export async function loader({ request, context }: LoaderFunctionArgs) {
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const number = new URL(request.url).searchParams.get('cislo') ?? ''
	return { number: /^[A-Z]{1,3}-\d{4}-\d{6}$/.test(number) ? number : '', title: resources[locale].forms.done.title }
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function Submitted() {
	const { number } = useLoaderData<typeof loader>()
	const { t } = useTranslation('forms')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<h1 className="mb-4 text-3xl font-bold">{t('done.title')}</h1>
			{number ? (
				<p className="mb-4 text-xl">
					{t('done.number')}: <strong>{number}</strong>
				</p>
			) : null}
			<Link to="/formulare">{t('catalogue.title')}</Link>
		</main>
	)
}
