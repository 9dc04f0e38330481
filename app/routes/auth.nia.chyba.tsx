import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { getCitizenTexts } from '~/modules/citizen/citizen-texts.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { isFailurePage } from '~/modules/nia/nia-login-error'
import { LOA_LEVELS, type LoaLevel } from '~/modules/nia/nia-protocol'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: 'citizen' }

const asLoa = (value: string | null): LoaLevel | 'unknown' => ((LOA_LEVELS as readonly string[]).includes(value ?? '') ? (value as LoaLevel) : 'unknown')

// /auth/nia/chyba?duvod=cancelled|loa|expired|technical|unavailable: what happened and what to do.
// Only these codes are read from the URL; anything else shows the generic technical explanation.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const { texts } = await getCitizenTexts(request, context)
	const params = new URL(request.url).searchParams
	const reason = params.get('duvod')
	const page = isFailurePage(reason) ? reason : 'technical'
	const minimum = params.get('min') === 'high' ? 'high' : 'substantial'
	return { page, minimum, actual: asLoa(params.get('ziskano')), title: texts.loginFailure.title }
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function LoginFailure() {
	const { t } = useTranslation('citizen')
	const { page, minimum, actual } = useLoaderData<typeof loader>()
	const level = (value: string) => t(`loginFailure.loaLevels.${value}`)
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('loginFailure.title')}</h1>
			<p className="mb-6 text-xl font-semibold" role="status">
				{t(`loginFailure.${page}.heading`)}
			</p>
			<section aria-labelledby="what-happened" className="mb-6">
				<h2 id="what-happened" className="mb-2 text-xl font-semibold">
					{t('loginFailure.whatHappened')}
				</h2>
				<p>{t(`loginFailure.${page}.text`, { minimum: level(minimum), actual: level(actual) })}</p>
			</section>
			<section aria-labelledby="what-to-do" className="mb-8">
				<h2 id="what-to-do" className="mb-2 text-xl font-semibold">
					{t('loginFailure.whatToDo')}
				</h2>
				<p className="mb-2">{t(`loginFailure.${page}.todo`)}</p>
				{page === 'loa' ? (
					<ul className="mb-2 list-disc pl-6">
						{minimum === 'substantial' ? <li>{t('loginFailure.loa.substantial')}</li> : null}
						<li>{t('loginFailure.loa.high')}</li>
					</ul>
				) : null}
				{page === 'loa' ? <p>{t('loginFailure.loa.source')}</p> : null}
			</section>
			<p className="flex flex-wrap gap-4">
				{/* A full page load: the login answers with a redirect to NIA. */}
				<a href="/auth/nia/login" className="inline-block rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
					{t('loginFailure.tryAgain')}
				</a>
				<Link to="/" className="inline-block px-4 py-2">
					{t('loginFailure.backHome')}
				</Link>
			</p>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
