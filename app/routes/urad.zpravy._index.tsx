import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { Pagination } from '~/components/office/pagination'
import { daysWaiting, listOfficeThreads, OfficeThreadFilterSchema } from '~/modules/messages/list-office-threads.server'
import { OFFICE_FILTERS } from '~/modules/messages/office-filters'
import { messagesOfficePage } from '~/modules/messages/messages-office-page.server'
import { listTopics, topicName } from '~/modules/messages/topics.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { readPage } from '~/modules/http/page-param'

const FIELD = 'rounded-town border border-muted bg-surface px-3 py-2 text-ink'

export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'MessageThread', { request, context })
	const page = await messagesOfficePage(request, context, 'title')
	const url = new URL(request.url)
	const filter = { ...OfficeThreadFilterSchema.parse(Object.fromEntries(url.searchParams)), page: readPage(url.searchParams) }
	const [list, topics] = await Promise.all([listOfficeThreads({ db: user.db, ability: user.ability, townSlug: user.tenant.slug, filter }), listTopics(user.db)])
	const isAdmin = user.me.roles.includes('admin')
	// The topic filter offers only the topics this clerk works (an admin: all).
	const mine = isAdmin ? topics : topics.filter((topic) => user.actor.submissionAgendas?.includes(topic.code))
	return {
		title: page.title,
		filter,
		isAdmin,
		topics: mine.map((topic) => ({ code: topic.code, name: topicName(topics, topic.code, page.locale) })),
		total: list.total,
		page: list.page,
		pages: list.pages,
		rows: list.rows.map((row) => ({
			id: row.id,
			subject: row.subject,
			topic: topicName(topics, row.topic, page.locale),
			state: row.state,
			daysWaiting: daysWaiting(row.waitingSince),
			citizen: row.person ? `${row.person.givenName} ${row.person.familyName}` : null,
			assignee: row.assignedStaff?.name ?? null,
			submissionNumber: row.submission?.number ?? null,
		})),
	}
}

export const handle = { i18n: ['office', 'messages'] }

export const meta = titleMeta

export default function OfficeMessages() {
	const { t } = useTranslation('messages')
	const { filter, topics, rows, total, page, pages, isAdmin } = useLoaderData<typeof loader>()
	return (
		<main id="main" className="mx-auto max-w-5xl p-6">
			<h1 className="mb-4 text-2xl font-bold">{t('office.title')}</h1>
			<p className="mb-4 flex flex-wrap gap-4">
				{isAdmin ? <Link to="/urad/zpravy/sablony">{t('office.cannedLink')}</Link> : null}
				<Link to="/urad/zpravy/oznameni">{t('office.announcementsPage.link')}</Link>
			</p>
			<Form method="get" aria-label={t('office.filters')} className="mb-6 flex flex-wrap items-end gap-3">
				<label className="grid gap-1">
					{t('office.state')}
					<select name="stav" defaultValue={filter.stav} className={FIELD}>
						{OFFICE_FILTERS.map((state) => (
							<option key={state} value={state}>
								{t(`office.filter.${state}`)}
							</option>
						))}
					</select>
				</label>
				<label className="grid gap-1">
					{t('office.topic')}
					<select name="tema" defaultValue={filter.tema ?? ''} className={FIELD}>
						<option value="">{t('office.allTopics')}</option>
						{topics.map((topic) => (
							<option key={topic.code} value={topic.code}>
								{topic.name}
							</option>
						))}
					</select>
				</label>
				<label className="grid gap-1">
					{t('office.search')}
					<input type="search" name="q" defaultValue={filter.q ?? ''} maxLength={200} className={FIELD} />
				</label>
				<label className="grid gap-1">
					{t('office.sort')}
					<select name="razeni" defaultValue={filter.razeni} className={FIELD}>
						<option value="waiting">{t('office.sortWaiting')}</option>
						<option value="recent">{t('office.sortRecent')}</option>
					</select>
				</label>
				<button type="submit" className="rounded-town bg-primary px-4 py-2 font-medium text-primary-contrast">
					{t('office.apply')}
				</button>
			</Form>
			<p role="status" className="mb-2">
				{t('office.count', { count: total })}
			</p>
			{rows.length === 0 ? (
				<p>{t('office.empty')}</p>
			) : (
				<table className="w-full border-collapse text-left">
					<caption className="sr-only">{t('office.title')}</caption>
					<thead>
						<tr className="border-b border-muted">
							<th scope="col" className="py-2 pr-3">
								{t('office.subject')}
							</th>
							<th scope="col" className="py-2 pr-3">
								{t('office.topic')}
							</th>
							<th scope="col" className="py-2 pr-3">
								{t('office.state')}
							</th>
							<th scope="col" className="py-2 pr-3">
								{t('office.citizen')}
							</th>
							<th scope="col" className="py-2 pr-3">
								{t('office.assignee')}
							</th>
							<th scope="col" className="py-2">
								{t('office.daysWaiting')}
							</th>
						</tr>
					</thead>
					<tbody>
						{rows.map((row) => (
							<tr key={row.id} className="border-b border-muted">
								<td className="py-2 pr-3">
									<Link to={`/urad/zpravy/${row.id}`}>{row.subject}</Link>
								</td>
								<td className="py-2 pr-3">{row.topic}</td>
								<td className="py-2 pr-3">{t(`state.${row.state}`)}</td>
								<td className="py-2 pr-3">{row.citizen ?? t('office.anonymous')}</td>
								<td className="py-2 pr-3">{row.assignee ?? t('office.nobody')}</td>
								<td className="py-2">{row.daysWaiting ?? '—'}</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
			<Pagination page={page} pages={pages} label={t('office.pages')} />
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
