import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { getPublicBoardDocument } from '~/modules/board/get-public-board-document.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { formatDate } from '~/modules/i18n/format'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { requireTenant, requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: ['board'] }

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const tenant = requireTenant(context)
	const profile = await requireTownProfile(context)
	const locale = await getRequestLocale(request, profile)
	const document = await getPublicBoardDocument({ db: getTenantDb(tenant), id: params.id ?? '' })
	if (!document) throw data(null, { status: 404 })
	return {
		title: document.title,
		document: {
			id: document.id,
			title: document.title,
			description: document.description,
			category: document.category,
			referenceNumber: document.referenceNumber,
			fileMark: document.fileMark,
			concerns: document.concerns,
			postedFrom: formatDate(document.postedFrom, locale),
			postedUntil: formatDate(document.postedUntil, locale),
			version: document.version,
			isCurrent: document.isCurrent,
			removed:
				document.state === 'removed_early' && document.removedAt
					? { date: formatDate(document.removedAt, locale), reason: document.removalReason ?? '' }
					: null,
			attachments: document.attachments.map((a) => ({ id: a.id, fileName: a.fileName, sizeKb: Math.max(1, Math.round(a.size / 1024)) })),
			versions: document.versions.map((v) => ({ version: v.version, title: v.title, changedAt: formatDate(v.changedAt, locale), changeNote: v.changeNote })),
		},
	}
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function BoardDocumentPage() {
	const { document: d } = useLoaderData<typeof loader>()
	const { t } = useTranslation('board')
	const row = (label: string, value: string | null) =>
		value ? (
			<>
				<dt className="font-semibold">{label}</dt>
				<dd>{value}</dd>
			</>
		) : null
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<p className="mb-4">
				<Link to="/uredni-deska">{t('detail.back')}</Link>
			</p>
			<h1 className="mb-4 text-3xl font-bold">{d.title}</h1>
			{d.removed ? (
				<p role="note" className="mb-4 rounded-town border-2 border-muted bg-surface p-3">
					{t('detail.removed', { date: d.removed.date, reason: d.removed.reason })}
				</p>
			) : !d.isCurrent ? (
				<p role="note" className="mb-4 rounded-town border-2 border-muted bg-surface p-3">
					{t('detail.archived')}
				</p>
			) : null}
			{d.description ? <p className="mb-6 whitespace-pre-line">{d.description}</p> : null}
			<dl className="mb-8 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
				{row(t('detail.category'), t(`categories.${d.category}`, { defaultValue: d.category }))}
				{row(t('detail.reference'), d.referenceNumber)}
				{row(t('detail.fileMark'), d.fileMark)}
				{row(t('detail.concerns'), d.concerns)}
				{row(t('detail.postedFrom'), d.postedFrom)}
				{row(t('detail.postedUntil'), d.postedUntil)}
				{row(t('detail.version'), String(d.version))}
			</dl>
			<section aria-labelledby="attachments-heading" className="mb-8">
				<h2 id="attachments-heading" className="mb-2 text-2xl font-semibold">
					{t('detail.attachments')}
				</h2>
				{d.attachments.length ? (
					<ul className="list-disc pl-6">
						{d.attachments.map((a) => (
							<li key={a.id}>
								<a href={`/uredni-deska/${d.id}/priloha/${a.id}`}>{a.fileName}</a> (PDF, {a.sizeKb} kB)
							</li>
						))}
					</ul>
				) : (
					<p>{t('detail.noAttachments')}</p>
				)}
			</section>
			<section aria-labelledby="history-heading">
				<h2 id="history-heading" className="mb-2 text-2xl font-semibold">
					{t('detail.history')}
				</h2>
				<p className="mb-2">{t('detail.historyIntro')}</p>
				<table className="w-full text-left">
					<thead>
						<tr>
							<th scope="col">{t('detail.version')}</th>
							<th scope="col">{t('detail.changedAt')}</th>
							<th scope="col">{t('columns.title')}</th>
							<th scope="col">{t('detail.changeNote')}</th>
						</tr>
					</thead>
					<tbody>
						{d.versions.map((v) => (
							<tr key={v.version} className="border-t border-muted/30">
								<td className="py-1 pr-3">{v.version}</td>
								<td className="py-1 pr-3">{v.changedAt}</td>
								<td className="py-1 pr-3">{v.title}</td>
								<td className="py-1">{v.changeNote ?? '—'}</td>
							</tr>
						))}
					</tbody>
				</table>
			</section>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
