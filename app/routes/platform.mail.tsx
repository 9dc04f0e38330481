import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { LOCALES } from '~/modules/i18n/locales'
import { resources } from '~/modules/i18n/resources.server'
import { listCaughtMail, requireMailCatcher } from '~/modules/mail/mail-catcher-page.server'
import { readPage } from '~/modules/http/page-param'

// The demo's mail catcher (simulators/smtp), newest first, 20 a page. A 404 outside the demo; vendor
// staff only (requireMailCatcher).
export const handle = { i18n: ['platform-mail'] }

export async function loader({ request, context }: LoaderFunctionArgs) {
	const inbox = await requireMailCatcher(request, context)
	const locale = await getRequestLocale(request, { enabledLocales: [...LOCALES], defaultLocale: 'cs' })
	const page = readPage(new URL(request.url).searchParams)
	return { title: resources[locale]['platform-mail'].title, ...listCaughtMail(inbox, page, locale) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Lapač pošty ukázkového režimu'} – Portál občana` }]

export default function CapturedMailList() {
	const { items, page, pages, total } = useLoaderData<typeof loader>()
	const { t } = useTranslation('platform-mail')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
			<p className="mb-6 max-w-3xl text-muted">{t('intro')}</p>
			{total === 0 ? (
				<>
					<p className="mb-2">{t('empty')}</p>
					<pre className="overflow-x-auto rounded-town bg-surface p-3 text-sm">
						<code>npm run cli -- mail test --tenant veseli-nad-moravou --to you@example.test</code>
					</pre>
				</>
			) : (
				<>
					<div className="overflow-x-auto">
						<table className="w-full border-collapse text-left text-sm">
							<caption className="mb-2 text-left text-base font-semibold">{t('caption', { count: total })}</caption>
							<thead>
								<tr className="border-b-2 border-muted">
									<th scope="col" className="py-2 pr-4">
										{t('columns.receivedAt')}
									</th>
									<th scope="col" className="py-2 pr-4">
										{t('columns.town')}
									</th>
									<th scope="col" className="py-2 pr-4">
										{t('columns.to')}
									</th>
									<th scope="col" className="py-2">
										{t('columns.subject')}
									</th>
								</tr>
							</thead>
							<tbody>
								{items.map((item) => (
									<tr key={item.id} className="border-b border-surface align-top">
										<td className="py-2 pr-4 whitespace-nowrap">
											<time dateTime={item.receivedAt}>{item.receivedAtText}</time>
										</td>
										<td className="py-2 pr-4">{item.sender}</td>
										<td className="py-2 pr-4 break-all">{item.to}</td>
										<td className="py-2">
											<Link to={`/platform/mail/${item.id}`}>{item.subject || t('noSubject')}</Link>
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
					{pages > 1 ? (
						<nav aria-label={t('pagination.label')} className="mt-6 flex flex-wrap items-center gap-4">
							{page > 1 ? <Link to={`?strana=${page - 1}`}>{t('pagination.previous')}</Link> : null}
							<p>{t('pagination.page', { page, pages })}</p>
							{page < pages ? <Link to={`?strana=${page + 1}`}>{t('pagination.next')}</Link> : null}
						</nav>
					) : null}
				</>
			)}
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
