import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { asSubject } from '~/modules/access/ability.server'
import { recordAudit } from '~/modules/audit/record-audit.server'
import { isAppError } from '~/modules/errors/app-error'
import { getTownRecordsConfig } from '~/modules/delivery/town-records-config.server'
import { formatDate } from '~/modules/i18n/format'
import { listAgendaColleagues } from '~/modules/inbox/get-inbox-submission.server'
import { findCannedReplyBody, listCannedReplies } from '~/modules/messages/canned-replies.server'
import { countActiveFollowupLinks, revokeFollowupLinks } from '~/modules/messages/followup-link.server'
import { getThread } from '~/modules/messages/get-thread.server'
import { MAX_BODY } from '~/modules/messages/message-input'
import { messagesOfficePage } from '~/modules/messages/messages-office-page.server'
import { OfficeThreadActionSchema } from '~/modules/messages/office-thread-action-schema'
import { notifyReplyOutsidePortal } from '~/modules/messages/notify-reply.server'
import { postMessage } from '~/modules/messages/post-message.server'
import { threadView } from '~/modules/messages/thread-view'
import { ThreadFilingError, threadFilingErrorMessage } from '~/modules/messages/thread-filing-error'
import { listThreadFilings, requestThreadFiling, resendThreadFiling } from '~/modules/messages/thread-filing.server'
import { listTopics, topicName } from '~/modules/messages/topics.server'
import { assignThread, setThreadOpen } from '~/modules/messages/work-thread.server'
import { requestMeta } from '~/modules/staff/office-request.server'
import { requireTenant } from '~/modules/tenancy/require-town.server'
import { townOrigin } from '~/modules/tenancy/town-origin.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'

const NOTICES = ['replied', 'noted', 'assigned', 'closed', 'reopened', 'revoked', 'filing', 'filingExists', 'filingResent'] as const
const FIELD = 'w-full rounded-town border border-muted bg-surface px-3 py-2 text-ink'
const BUTTON = 'rounded-town bg-primary px-4 py-2 font-medium text-primary-contrast'

async function load(request: Request, context: LoaderFunctionArgs['context'], id: string | undefined) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'MessageThread', { request, context })
	const parsed = z.uuid().safeParse(id)
	// Another agenda's thread answers exactly like a missing one: its existence is not disclosed.
	const thread = parsed.success ? await getThread({ db: user.db, ability: user.ability, id: parsed.data, forCitizen: false }) : null
	if (!thread) throw data({ reason: 'not_found' }, { status: 404 })
	return { user, thread }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const page = await messagesOfficePage(request, context, 'title')
	const { user, thread } = await load(request, context, params.id)
	await recordAudit(user.db, { action: 'message.read', staffId: user.me.id, subject: `MessageThread:${thread.id}`, ...requestMeta(context) })
	const [topics, colleagues, canned, activeLinks, records, filings] = await Promise.all([
		listTopics(user.db),
		listAgendaColleagues({ db: user.db, agenda: thread.topic }),
		listCannedReplies(user.db),
		thread.submission ? countActiveFollowupLinks(user.db, thread.submission.id) : 0,
		getTownRecordsConfig(user.db),
		listThreadFilings(user.db, thread.id),
	])
	const when = (date: Date) =>
		`${formatDate(date, page.locale)} ${date.toLocaleTimeString('cs-CZ', { timeZone: 'Europe/Prague', hour: '2-digit', minute: '2-digit' })}`
	return {
		title: `${thread.subject} – ${page.title}`,
		notice: NOTICES.find((key) => key === new URL(request.url).searchParams.get('hlaseni')) ?? null,
		myId: user.me.id,
		topic: topicName(topics, thread.topic, page.locale),
		canUpdate: user.ability.can('update', asSubject('MessageThread', thread as never)),
		colleagues,
		canned,
		activeLinks,
		thread: threadView(thread, page.locale),
		hasRecordsSystem: records !== null,
		filings: filings.map((filing) => ({
			id: filing.id,
			messageId: filing.messageId,
			state: filing.state,
			attempts: filing.attempts,
			referenceNumber: filing.referenceNumber,
			externalId: filing.externalId,
			lastError: filing.lastError,
			nextAttempt: filing.state === 'pending' && filing.attempts > 0 ? when(filing.nextAttemptAt) : null,
			requested: { name: filing.requestedByName, date: when(filing.createdAt) },
			filedAt: filing.filedAt ? when(filing.filedAt) : null,
		})),
	}
}

export const handle = { i18n: ['office', 'messages'] }

export const meta = titleMeta

export async function action({ request, context, params }: ActionFunctionArgs) {
	const { user, thread } = await load(request, context, params.id)
	await requirePermission(user, 'update', asSubject('MessageThread', thread as never), { request, context, label: `MessageThread:${thread.id}` })
	const parsed = parseWithZod(await request.formData(), { schema: OfficeThreadActionSchema })
	if (parsed.status !== 'success') return data({ error: 'office.detail.errors.body' }, { status: 400 })
	const value = parsed.value
	const here = `/urad/zpravy/${thread.id}`
	const meta = requestMeta(context)
	try {
		if (value.intent === 'reply') {
			const body = value.body || (value.cannedReplyId ? await findCannedReplyBody(user.db, value.cannedReplyId) : null)
			if (!body) return data({ error: 'office.detail.errors.body' }, { status: 400 })
			const isInternal = value.internal === 'on'
			await postMessage(user.db, { threadId: thread.id, author: { kind: 'staff', staffId: user.me.id, name: user.me.name, isInternal }, body, ...meta })
			if (!isInternal) {
				const tenant = requireTenant(context)
				await notifyReplyOutsidePortal({ db: user.db, town: { slug: tenant.slug, origin: townOrigin(tenant.primaryHost) }, threadId: thread.id })
			}
			return redirect(`${here}?hlaseni=${isInternal ? 'noted' : 'replied'}`)
		}
		if (value.intent === 'revoke-link') {
			if (!thread.submission) return data({ error: 'office.detail.errors.transition' }, { status: 400 })
			await revokeFollowupLinks({ db: user.db, submissionId: thread.submission.id, staffId: user.me.id })
			return redirect(`${here}?hlaseni=revoked`)
		}
		if (value.intent === 'file') {
			const records = await getTownRecordsConfig(user.db)
			const { created } = await requestThreadFiling({
				db: user.db,
				threadId: thread.id,
				messageId: value.messageId ?? null,
				staff: { id: user.me.id, name: user.me.name },
				hasRecordsSystem: records !== null,
				meta,
			})
			return redirect(`${here}?hlaseni=${created ? 'filing' : 'filingExists'}#filing`)
		}
		if (value.intent === 'file-retry') {
			await resendThreadFiling({ db: user.db, threadId: thread.id, filingId: value.filingId, staffId: user.me.id, meta })
			return redirect(`${here}?hlaseni=filingResent#filing`)
		}
		if (value.intent === 'assign') {
			await assignThread({ db: user.db, threadId: thread.id, topic: thread.topic, assigneeId: value.assigneeId ?? null, staffId: user.me.id, ...meta })
			return redirect(`${here}?hlaseni=assigned`)
		}
		await setThreadOpen({ db: user.db, threadId: thread.id, open: value.intent === 'reopen', staffId: user.me.id, ...meta })
		return redirect(`${here}?hlaseni=${value.intent === 'reopen' ? 'reopened' : 'closed'}`)
	} catch (error) {
		if (error instanceof ThreadFilingError) return data({ error: threadFilingErrorMessage(error.reason) }, { status: 400 })
		if (!isAppError(error, 'input_invalid')) throw error
		return data({ error: value.intent === 'assign' ? 'office.detail.errors.assignee' : 'office.detail.errors.transition' }, { status: 400 })
	}
}

export default function OfficeThreadPage() {
	const { t } = useTranslation('messages')
	const { thread, topic, notice, myId, canUpdate, colleagues, canned, activeLinks, hasRecordsSystem, filings } = useLoaderData<typeof loader>()
	const wholeFiling = filings.find((filing) => filing.messageId === null)
	const filedMessages = new Set(filings.map((filing) => filing.messageId).filter(Boolean))
	const actionData = useActionData<typeof action>()
	return (
		<main id="main" className="mx-auto max-w-4xl p-6">
			<p className="mb-4">
				<Link to="/urad/zpravy">{t('office.detail.back')}</Link>
			</p>
			<h1 className="mb-2 text-2xl font-bold">{thread.subject}</h1>
			<p className="mb-4">
				{topic} · {t(`state.${thread.state}`)} · {thread.citizen ?? t('office.anonymous')} · {t('office.assignee')}: {thread.assignee ?? t('office.nobody')}
				{thread.submission ? (
					<>
						{' · '}
						<Link to={`/urad/podani/${thread.submission.id}`}>{t('office.detail.submission', { number: thread.submission.number })}</Link>
					</>
				) : null}
			</p>
			{notice ? (
				<p role="status" className="mb-4 rounded-town border border-muted/30 p-3">
					{t(`office.detail.notice.${notice}`)}
				</p>
			) : null}
			{actionData?.error ? (
				<p role="alert" className="mb-4 rounded-town border border-danger p-3">
					{t(actionData.error)}
				</p>
			) : null}
			<ol className="mb-8 grid gap-4">
				{thread.messages.map((message) => (
					<li
						key={message.id}
						className={`rounded-town border p-3 ${message.isInternal ? 'border-dashed border-muted bg-page' : message.author === 'staff' ? 'border-primary' : 'border-muted'}`}
					>
						<p className="text-sm font-semibold">
							{message.isInternal ? `${t('office.detail.internalBadge')} · ` : ''}
							{message.authorName ?? ''} · {message.createdAt}
						</p>
						<p className="whitespace-pre-line">{message.body}</p>
						{message.attachments.map((file) => (
							<p key={file.id}>
								<a href={`/urad/zpravy/${thread.id}/priloha/${file.id}`} download>
									{file.fileName}
								</a>{' '}
								({Math.ceil(file.size / 1024)} kB)
							</p>
						))}
						{canUpdate && hasRecordsSystem && !message.isInternal ? (
							filedMessages.has(message.id) ? (
								<p className="mt-2 text-sm">{t('office.filing.filedMessage')}</p>
							) : (
								<Form method="post" className="mt-2">
									<input type="hidden" name="intent" value="file" />
									<input type="hidden" name="messageId" value={message.id} />
									<button type="submit" className="text-sm underline">
										{t('office.filing.fileMessage')}
									</button>
								</Form>
							)
						) : null}
					</li>
				))}
			</ol>
			{hasRecordsSystem || filings.length ? (
				<section id="filing" aria-labelledby="filing-title" className="mb-8">
					<h2 id="filing-title" className="mb-2 text-xl font-semibold">
						{t('office.filing.title')}
					</h2>
					<p className="mb-3">{t('office.filing.intro')}</p>
					{filings.length ? (
						<ul className="mb-3 grid gap-3">
							{filings.map((filing) => (
								<li key={filing.id} className="rounded-town border border-muted p-3" data-testid="filing">
									<p className="font-semibold">
										{filing.messageId ? t('office.filing.oneMessage') : t('office.filing.whole')} · {t(`office.filing.state.${filing.state}`)}
									</p>
									<p>
										{t('office.filing.reference')}: <strong>{filing.referenceNumber ?? t('office.filing.noReference')}</strong>
									</p>
									<p className="text-sm">{t('office.filing.requested', filing.requested)}</p>
									{filing.filedAt ? <p className="text-sm">{t('office.filing.filedAt', { date: filing.filedAt })}</p> : null}
									{filing.state !== 'delivered' && filing.attempts > 0 ? (
										<p className="text-sm">{t('office.filing.attempts', { count: filing.attempts })}</p>
									) : null}
									{filing.nextAttempt ? <p className="text-sm">{t('office.filing.nextAttempt', { date: filing.nextAttempt })}</p> : null}
									{filing.lastError && filing.state !== 'delivered' ? (
										<p className={filing.state === 'failed' ? 'font-semibold' : 'text-sm'}>{t('office.filing.lastError', { error: filing.lastError })}</p>
									) : null}
									{canUpdate && filing.state === 'failed' ? (
										<Form method="post" className="mt-2">
											<input type="hidden" name="intent" value="file-retry" />
											<input type="hidden" name="filingId" value={filing.id} />
											<button type="submit" className={BUTTON}>
												{t('office.filing.retry')}
											</button>
										</Form>
									) : null}
								</li>
							))}
						</ul>
					) : null}
					{canUpdate && hasRecordsSystem && !wholeFiling ? (
						<Form method="post">
							<input type="hidden" name="intent" value="file" />
							<button type="submit" className={BUTTON}>
								{t('office.filing.fileThread')}
							</button>
						</Form>
					) : null}
				</section>
			) : null}
			{canUpdate ? (
				<>
					<section aria-labelledby="reply" className="mb-8">
						<h2 id="reply" className="mb-2 text-xl font-semibold">
							{t('office.detail.reply')}
						</h2>
						<Form method="post" className="grid gap-3">
							<input type="hidden" name="intent" value="reply" />
							{canned.length ? (
								<>
									<label htmlFor="cannedReplyId" className="font-semibold">
										{t('office.detail.canned')}
									</label>
									<p id="canned-hint" className="text-sm">
										{t('office.detail.cannedHint')}
									</p>
									<select id="cannedReplyId" name="cannedReplyId" aria-describedby="canned-hint" className={FIELD} defaultValue="">
										<option value="">{t('office.detail.noCanned')}</option>
										{canned.map((reply) => (
											<option key={reply.id} value={reply.id}>
												{reply.title}
											</option>
										))}
									</select>
								</>
							) : null}
							<label htmlFor="body" className="font-semibold">
								{t('thread.body')}
							</label>
							<textarea id="body" name="body" rows={6} maxLength={MAX_BODY} className={FIELD} />
							<label className="flex items-center gap-2">
								<input type="checkbox" name="internal" value="on" />
								{t('office.detail.internal')}
							</label>
							<button type="submit" className={`${BUTTON} justify-self-start`}>
								{t('office.detail.send')}
							</button>
						</Form>
					</section>
					<section aria-labelledby="assign" className="mb-8">
						<h2 id="assign" className="mb-2 text-xl font-semibold">
							{t('office.detail.assign')}
						</h2>
						<div className="flex flex-wrap items-end gap-3">
							<Form method="post">
								<input type="hidden" name="intent" value="assign" />
								<input type="hidden" name="assigneeId" value={myId} />
								<button type="submit" className={BUTTON}>
									{t('office.detail.assignMe')}
								</button>
							</Form>
							<Form method="post" className="flex flex-wrap items-end gap-2">
								<input type="hidden" name="intent" value="assign" />
								<label className="grid gap-1">
									{t('office.detail.assignTo')}
									<select name="assigneeId" defaultValue={thread.assignedStaffId ?? ''} className={FIELD}>
										<option value="">{t('office.detail.unassigned')}</option>
										{colleagues.map((colleague) => (
											<option key={colleague.id} value={colleague.id}>
												{colleague.name}
											</option>
										))}
									</select>
								</label>
								<button type="submit" className={BUTTON}>
									{t('office.detail.assign')}
								</button>
							</Form>
						</div>
					</section>
					{activeLinks ? (
						<section aria-labelledby="followup-link" className="mb-8">
							<h2 id="followup-link" className="mb-2 text-xl font-semibold">
								{t('office.detail.followupLink')}
							</h2>
							<p id="followup-link-hint" className="mb-2">
								{t('office.detail.followupLinkHint')}
							</p>
							<Form method="post">
								<input type="hidden" name="intent" value="revoke-link" />
								<button type="submit" aria-describedby="followup-link-hint" className={BUTTON}>
									{t('office.detail.revokeLink')}
								</button>
							</Form>
						</section>
					) : null}
					<Form method="post">
						<input type="hidden" name="intent" value={thread.state === 'closed' ? 'reopen' : 'close'} />
						<button type="submit" className={BUTTON}>
							{thread.state === 'closed' ? t('office.detail.reopen') : t('office.detail.close')}
						</button>
					</Form>
				</>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
