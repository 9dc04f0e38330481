import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { formatDate } from '~/modules/i18n/format'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { listNotifications, markNotificationsRead } from '~/modules/notifications/list-notifications.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'
import { readPage } from '~/modules/http/page-param'

export const handle = { i18n: ['messages', 'forms'] }

export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const page = readPage(new URL(request.url).searchParams)
	const list = await listNotifications({ db: user.db, ability: user.ability, page })
	return {
		title: resources[locale].messages.notifications.title,
		page: list.page,
		pages: list.pages,
		notifications: list.rows.map((row) => ({
			...row,
			params: row.params as Record<string, string>,
			isUnread: !row.readAt,
			createdAt: formatDate(row.createdAt, locale),
		})),
	}
}

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireCitizen(request, context)
	const body = await request.formData()
	const id = z.uuid().safeParse(body.get('id'))
	await markNotificationsRead({ db: user.db, ability: user.ability, id: id.success ? id.data : undefined })
	return redirect('/oznameni', 303)
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function Notifications() {
	const { notifications, page, pages } = useLoaderData<typeof loader>()
	const { t } = useTranslation('messages')
	const text = (kind: string, params: Record<string, string>) =>
		t(`notifications.kind.${kind}`, { ...params, status: params.status ? t(`forms:status.${params.status}`) : '', label: params.label ?? params.subject ?? '' })
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('notifications.title')}</h1>
			<p className="mb-6">{t('notifications.intro')}</p>
			{notifications.some((n) => n.isUnread) ? (
				<Form method="post" className="mb-6">
					<button type="submit" className="rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
						{t('notifications.markAllRead')}
					</button>
				</Form>
			) : null}
			{notifications.length === 0 ? (
				<p>{t('notifications.empty')}</p>
			) : (
				<ul className="grid gap-3">
					{notifications.map((n) => (
						<li key={n.id} className={`rounded-town border p-3 ${n.isUnread ? 'border-primary' : 'border-muted'}`}>
							<p className={n.isUnread ? 'font-semibold' : ''}>
								<Link to={n.link}>{text(n.kind, n.params)}</Link>
								{n.isUnread ? <span className="ml-2 text-sm">({t('notifications.unread')})</span> : null}
							</p>
							<p className="text-sm">{n.createdAt}</p>
							{n.isUnread ? (
								<Form method="post" className="mt-1">
									<input type="hidden" name="id" value={n.id} />
									<button type="submit" className="text-sm underline" aria-label={`${t('notifications.markRead')}: ${text(n.kind, n.params)}`}>
										{t('notifications.markRead')}
									</button>
								</Form>
							) : null}
						</li>
					))}
				</ul>
			)}
			{pages > 1 ? (
				<nav aria-label={t('notifications.pages')} className="mt-6 flex gap-4">
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
