import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { formatDate } from '~/modules/i18n/format'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { listMyThreads } from '~/modules/messages/list-my-threads.server'
import { listTopics, topicName } from '~/modules/messages/topics.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'
import { readPage } from '~/modules/http/page-param'

export const handle = { i18n: ['messages'] }

export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const page = readPage(new URL(request.url).searchParams)
	const [list, topics] = await Promise.all([listMyThreads({ db: user.db, ability: user.ability, page }), listTopics(user.db)])
	return {
		title: resources[locale].messages.mine.title,
		page: list.page,
		pages: list.pages,
		threads: list.rows.map((row) => ({
			id: row.id,
			subject: row.subject,
			topic: topicName(topics, row.topic, locale),
			state: row.state,
			isUnread: row.isUnread,
			submissionNumber: row.submission?.number ?? null,
			lastMessageAt: formatDate(row.lastMessageAt, locale),
		})),
	}
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function MyMessages() {
	const { threads, page, pages } = useLoaderData<typeof loader>()
	const { t } = useTranslation('messages')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('mine.title')}</h1>
			<p className="mb-6">{t('mine.intro')}</p>
			<p className="mb-8">
				<Link to="/zpravy/nova" className="inline-block rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast no-underline">
					{t('mine.write')}
				</Link>
			</p>
			{threads.length === 0 ? (
				<p>{t('mine.empty')}</p>
			) : (
				<ul className="grid gap-3">
					{threads.map((thread) => (
						<li key={thread.id} className="rounded-town border border-muted p-3">
							<p className="font-semibold">
								<Link to={`/zpravy/${thread.id}`}>{thread.subject}</Link>
								{thread.isUnread ? <span className="ml-2 rounded-town bg-primary px-2 text-sm text-primary-contrast">{t('mine.unread')}</span> : null}
							</p>
							<p className="text-sm">
								{thread.topic} · {t(`state.${thread.state}`)} · {t('mine.lastMessage', { at: thread.lastMessageAt })}
								{thread.submissionNumber ? ` · ${t('mine.submission', { number: thread.submissionNumber })}` : ''}
							</p>
						</li>
					))}
				</ul>
			)}
			{pages > 1 ? (
				<nav aria-label={t('mine.pages')} className="mt-6 flex gap-4">
					{page > 1 ? <Link to={`?strana=${page - 1}`}>{t('mine.previous')}</Link> : null}
					<span aria-current="page">{t('mine.position', { page, pages })}</span>
					{page < pages ? <Link to={`?strana=${page + 1}`}>{t('mine.next')}</Link> : null}
				</nav>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
