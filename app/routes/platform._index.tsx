import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { titleMeta } from '~/components/office/meta'
import { Pagination } from '~/components/office/pagination'
import { platformPage } from '~/modules/platform-auth/platform-page.server'
import { requireVendor } from '~/modules/platform-auth/require-vendor.server'
import { getMailCatcher } from '~/modules/mail/mail-catcher.server'
import { listTownsPage } from '~/modules/tenancy/list-towns-page.server'

const PageSchema = z.coerce.number().int().min(1).max(10_000).catch(1)

// The vendor console: the towns on the platform (platform schema only; no citizen's data).
export async function loader({ request, context }: LoaderFunctionArgs) {
	const { title } = await platformPage(request, 'vendor.towns.title')
	await requireVendor(request, context)
	const list = await listTownsPage({ page: PageSchema.parse(new URL(request.url).searchParams.get('page') ?? 1) })
	// In the demo the console says where the e-mail went: the demo's mail catcher.
	return { title, hasDemoMailCatcher: getMailCatcher() !== null, ...list }
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'platform-mail'] }

export default function PlatformConsole() {
	const { towns, total, page, pages, hasDemoMailCatcher } = useLoaderData<typeof loader>()
	const { t } = useTranslation('office')
	const { t: tMail } = useTranslation('platform-mail')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('vendor.towns.title')}</h1>
			<p className="mb-6 text-muted">{t('vendor.towns.intro', { count: total })}</p>
			<p className="mb-6">
				<a href="/platform/statistiky">{t('vendor.statisticsLink')}</a>
			</p>
			<div className="overflow-x-auto">
				<table className="w-full border-collapse text-left">
					<caption className="sr-only">{t('vendor.towns.caption')}</caption>
					<thead>
						<tr className="border-b border-muted">
							<th scope="col" className="p-2">{t('vendor.towns.slug')}</th>
							<th scope="col" className="p-2">{t('vendor.towns.name')}</th>
							<th scope="col" className="p-2">{t('vendor.towns.status')}</th>
							<th scope="col" className="p-2">{t('vendor.towns.hosts')}</th>
						</tr>
					</thead>
					<tbody>
						{towns.map((town) => (
							<tr key={town.slug} className="border-b border-muted/30">
								<th scope="row" className="p-2 font-mono font-medium">{town.slug}</th>
								<td className="p-2">{town.name}</td>
								<td className="p-2">{t(`vendor.towns.statuses.${town.status}`)}</td>
								<td className="p-2">{town.hosts.map((host) => host.host).join(', ')}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			<Pagination page={page} pages={pages} label={t('vendor.towns.pagination')} />
			{hasDemoMailCatcher ? (
				<section aria-labelledby="demo-mail-catcher" className="mt-10 rounded-town border border-muted p-4">
					<h2 id="demo-mail-catcher" className="mb-2 text-xl font-semibold">
						{tMail('console.heading')}
					</h2>
					<p className="mb-2">{tMail('console.text')}</p>
					<Link to="/platform/mail">{tMail('console.link')}</Link>
				</section>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
