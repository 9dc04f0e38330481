import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { asSubject } from '~/modules/access/ability.server'
import { ANNOUNCEMENT_BODY_MAX, ANNOUNCEMENT_TITLE_MAX, AnnouncementInputSchema } from '~/modules/announcements/announcement-input'
import { IN_PROGRESS, isAnnouncementState } from '~/modules/announcements/announcement-states'
import { createAnnouncement, resumeAnnouncement } from '~/modules/announcements/create-announcement.server'
import { listOfficeAnnouncements } from '~/modules/announcements/list-announcements.server'
import { isAppError } from '~/modules/errors/app-error'
import { formatDate } from '~/modules/i18n/format'
import { messagesOfficePage } from '~/modules/messages/messages-office-page.server'
import { listTopics, topicName } from '~/modules/messages/topics.server'
import { requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { requireTenant } from '~/modules/tenancy/require-town.server'
import { readPage } from '~/modules/http/page-param'
import { useRefreshWhile } from '~/modules/progress/use-refresh-while'

const FIELD = 'w-full rounded-town border border-muted bg-surface px-3 py-2 text-ink'
const BUTTON = 'rounded-town bg-primary px-4 py-2 font-medium text-primary-contrast'
const FIELDS = ['topic', 'title', 'body', 'validFrom', 'validTo'] as const

async function guard(request: Request, context: LoaderFunctionArgs['context']) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'Announcement', { request, context })
	const topics = await listTopics(user.db)
	// The topics this member of staff may announce in: all for an admin, their agendas for a clerk.
	const mine = topics.filter((topic) => user.ability.can('create', asSubject('Announcement', { topic: topic.code } as never)))
	return { user, topics, mine }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
	const { user, topics, mine } = await guard(request, context)
	const page = await messagesOfficePage(request, context, 'announcementsPage.title')
	const url = new URL(request.url)
	const list = await listOfficeAnnouncements({ db: user.db, ability: user.ability, page: readPage(url.searchParams) })
	return {
		title: page.title,
		notice: (['sent', 'resumed', 'notResumed'] as const).find((notice) => notice === url.searchParams.get('hlaseni')) ?? null,
		topics: mine.map((topic) => ({ code: topic.code, name: topicName(topics, topic.code, page.locale) })),
		list: {
			...list,
			rows: list.rows.map((row) => ({
				...row,
				topic: topicName(topics, row.topic, page.locale),
				createdAt: formatDate(row.createdAt, page.locale),
				validFrom: row.validFrom ? formatDate(row.validFrom, page.locale) : null,
				validTo: row.validTo ? formatDate(row.validTo, page.locale) : null,
				author: row.createdBy?.name ?? null,
				canResume: mine.some((topic) => topic.code === row.topic),
			})),
		},
	}
}

export const handle = { i18n: ['office', 'messages'] }

export const meta = titleMeta

export async function action({ request, context }: ActionFunctionArgs) {
	const { user, mine } = await guard(request, context)
	const form = await request.formData()
	if (form.get('intent') === 'resume') {
		const resumed = await resumeAnnouncement({
			db: user.db,
			ability: user.ability,
			tenantSlug: requireTenant(context).slug,
			staffId: user.me.id,
			announcementId: String(form.get('id') ?? ''),
			...requestMeta(context),
		})
		return redirect(`/urad/zpravy/oznameni?hlaseni=${resumed ? 'resumed' : 'notResumed'}`, 303)
	}
	const values = Object.fromEntries(FIELDS.map((name) => [name, String(form.get(name) ?? '')])) as Record<(typeof FIELDS)[number], string>
	const parsed = AnnouncementInputSchema.safeParse(values)
	if (!parsed.success) {
		const errors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), true]))
		return data({ errors, values }, { status: 400 })
	}
	try {
		await createAnnouncement({
			db: user.db,
			ability: user.ability,
			tenantSlug: requireTenant(context).slug,
			staffId: user.me.id,
			input: parsed.data,
			topics: mine.map((topic) => topic.code),
			...requestMeta(context),
		})
	} catch (error) {
		if (!isAppError(error, 'input_invalid')) throw error
		return data({ errors: { topic: true }, values }, { status: 400 })
	}
	return redirect('/urad/zpravy/oznameni?hlaseni=sent', 303)
}

export default function AnnouncementsPage() {
	const { t } = useTranslation('messages')
	const { topics, list, notice } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const errors: Record<string, boolean> = actionData?.errors ?? {}
	const isSending = list.rows.some((row) => isAnnouncementState(row.state) && IN_PROGRESS.has(row.state))
	// While an announcement is going out, the progress refreshes every two seconds.
	useRefreshWhile(isSending)
	const field = (name: (typeof FIELDS)[number]) => ({
		id: name,
		name,
		defaultValue: actionData?.values[name],
		'aria-invalid': errors[name] ? true : undefined,
		'aria-describedby': errors[name] ? `${name}-error` : undefined,
		className: FIELD,
	})
	const fieldError = (name: (typeof FIELDS)[number]) =>
		errors[name] ? (
			<p id={`${name}-error`} className="font-semibold text-red-800">
				{t(`office.announcementsPage.errors.${name}`)}
			</p>
		) : null
	return (
		<main id="main" className="mx-auto max-w-4xl p-6">
			<p className="mb-4">
				<Link to="/urad/zpravy">{t('office.detail.back')}</Link>
			</p>
			<h1 className="mb-2 text-2xl font-bold">{t('office.announcementsPage.title')}</h1>
			<p className="mb-4">{t('office.announcementsPage.intro')}</p>
			{notice ? (
				<p role="status" className="mb-4 rounded-town border border-muted/30 p-3">
					{t(`office.announcementsPage.${notice}`)}
				</p>
			) : null}
			{actionData?.errors ? (
				<p role="alert" className="mb-4 rounded-town border border-danger p-3">
					{t('office.announcementsPage.errors.summary')}
				</p>
			) : null}
			{topics.length ? (
				<Form method="post" className="mb-8 grid gap-3" noValidate>
					<label htmlFor="topic" className="font-semibold">
						{t('office.announcementsPage.topic')}
					</label>
					<select {...field('topic')} defaultValue={actionData?.values.topic ?? ''}>
						<option value="">{t('new.chooseTopic')}</option>
						{topics.map((topic) => (
							<option key={topic.code} value={topic.code}>
								{topic.name}
							</option>
						))}
					</select>
					{fieldError('topic')}
					<label htmlFor="title" className="font-semibold">
						{t('office.announcementsPage.heading')}
					</label>
					<input {...field('title')} maxLength={ANNOUNCEMENT_TITLE_MAX} />
					{fieldError('title')}
					<label htmlFor="body" className="font-semibold">
						{t('office.announcementsPage.body')}
					</label>
					<textarea {...field('body')} rows={6} maxLength={ANNOUNCEMENT_BODY_MAX} />
					{fieldError('body')}
					<div className="flex flex-wrap gap-4">
						<div className="grid gap-1">
							<label htmlFor="validFrom" className="font-semibold">
								{t('office.announcementsPage.validFrom')}
							</label>
							<input {...field('validFrom')} type="date" />
							{fieldError('validFrom')}
						</div>
						<div className="grid gap-1">
							<label htmlFor="validTo" className="font-semibold">
								{t('office.announcementsPage.validTo')}
							</label>
							<input {...field('validTo')} type="date" />
							{fieldError('validTo')}
						</div>
					</div>
					<button type="submit" className={`${BUTTON} justify-self-start`}>
						{t('office.announcementsPage.send')}
					</button>
				</Form>
			) : (
				<p className="mb-8">{t('office.announcementsPage.noTopics')}</p>
			)}
			<h2 className="mb-2 text-xl font-semibold">{t('office.announcementsPage.list')}</h2>
			{list.rows.length === 0 ? <p>{t('office.announcementsPage.empty')}</p> : null}
			<ul className="grid gap-3">
				{list.rows.map((row) => (
					<li key={row.id} className="rounded-town border border-muted p-3">
						<p className="font-semibold">{row.title}</p>
						<p className="text-sm">
							{row.topic} · {row.createdAt}
							{row.author ? ` · ${row.author}` : ''}
							{row.validFrom || row.validTo ? ` · ${t('office.announcementsPage.validity', { from: row.validFrom ?? '…', to: row.validTo ?? '…' })}` : ''}
						</p>
						<p data-state={row.state}>
							{row.state === 'queued'
								? t('office.announcementsPage.queued', { recipients: row.recipients })
								: row.state === 'sending'
									? t('office.announcementsPage.progress', { processed: row.processed, recipients: row.recipients })
									: row.state === 'failed'
										? t('office.announcementsPage.failed', { processed: row.processed, recipients: row.recipients })
										: t('office.announcementsPage.done', { recipients: row.recipients })}{' '}
							{t('office.announcementsPage.counts', { inPortal: row.inPortal, emailed: row.emailed, texted: row.texted, failed: row.failed })}
						</p>
						{row.state === 'sending' || row.state === 'queued' ? (
							<progress
								className="w-full"
								max={Math.max(1, row.recipients)}
								value={row.processed}
								aria-label={t('office.announcementsPage.progressLabel', { title: row.title })}
							/>
						) : null}
						{row.state === 'failed' && row.canResume ? (
							<Form method="post" className="mt-2">
								<input type="hidden" name="intent" value="resume" />
								<input type="hidden" name="id" value={row.id} />
								<button type="submit" className={BUTTON} aria-label={t('office.announcementsPage.resumeLabel', { title: row.title })}>
									{t('office.announcementsPage.resume')}
								</button>
							</Form>
						) : null}
					</li>
				))}
			</ul>
			{list.pages > 1 ? (
				<nav aria-label={t('office.announcementsPage.pages')} className="mt-4 flex gap-4">
					{list.page > 1 ? <Link to={`?strana=${list.page - 1}`}>{t('mine.previous')}</Link> : null}
					<span>{t('mine.position', { page: list.page, pages: list.pages })}</span>
					{list.page < list.pages ? <Link to={`?strana=${list.page + 1}`}>{t('mine.next')}</Link> : null}
				</nav>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
