import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { asSubject } from '~/modules/access/ability.server'
import { resendDelivery } from '~/modules/delivery/resend-delivery.server'
import { assignSubmission } from '~/modules/inbox/assign-submission.server'
import { changeSubmissionStatus } from '~/modules/inbox/change-submission-status.server'
import { checkDecisionDocument } from '~/modules/inbox/check-decision-document.server'
import { getInboxSubmission, listAgendaColleagues } from '~/modules/inbox/get-inbox-submission.server'
import { InboxActionSchema } from '~/modules/inbox/inbox-action-schema'
import { inboxDetailView } from '~/modules/inbox/inbox-detail-view.server'
import { inboxPage } from '~/modules/inbox/inbox-page.server'
import { SubmissionError, submissionErrorMessage } from '~/modules/inbox/submission-error'
import { requestMeta } from '~/modules/staff/office-request.server'
import { loadOfficeRecord } from '~/modules/staff/office-record.server'
import { requirePermission } from '~/modules/staff/require-permission.server'

const NOTICES = ['assigned', 'status', 'resent'] as const
const FIELD = 'w-full min-w-0 rounded-town border border-muted bg-surface px-3 py-2 text-ink'
const BUTTON = 'rounded-town bg-primary px-4 py-2 font-medium text-primary-contrast'

// Another agenda's submission answers exactly like a missing one: its existence is not disclosed.
function load(request: Request, context: LoaderFunctionArgs['context'], id: string | undefined) {
	return loadOfficeRecord(request, context, {
		id,
		subject: 'Submission',
		find: (user, submissionId) => getInboxSubmission({ db: user.db, ability: user.ability, id: submissionId }),
	})
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const page = await inboxPage(request, context, 'detail.title')
	const { user, record: submission } = await load(request, context, params.id)
	return {
		title: `${submission.number} – ${page.title}`,
		notice: NOTICES.find((key) => key === new URL(request.url).searchParams.get('hlaseni')) ?? null,
		myId: user.me.id,
		canUpdate: user.ability.can('update', asSubject('Submission', submission as never)),
		isAdmin: user.me.roles.includes('admin'),
		colleagues: await listAgendaColleagues({ db: user.db, agenda: submission.agenda }),
		submission: inboxDetailView(submission, page.locale),
	}
}

export const meta = titleMeta

export async function action({ request, context, params }: ActionFunctionArgs) {
	const { user, record: submission } = await load(request, context, params.id)
	await requirePermission(user, 'update', asSubject('Submission', submission as never), { request, context, label: `Submission:${submission.id}` })
	const body = await request.formData()
	const parsed = parseWithZod(body, { schema: InboxActionSchema })
	if (parsed.status !== 'success') return data({ error: body.get('intent') === 'assign' ? 'detail.errors.assignee' : 'detail.errors.message' }, { status: 400 })
	const value = parsed.value
	const staff = { id: user.me.id, name: user.me.name }
	const here = `/urad/podani/${submission.id}`
	if (value.intent === 'assign') {
		try {
			await assignSubmission({
				db: user.db,
				submissionId: submission.id,
				agenda: submission.agenda,
				assigneeId: value.assigneeId,
				staff,
				...requestMeta(context),
			})
		} catch (error) {
			if (!(error instanceof SubmissionError)) throw error
			return data({ error: submissionErrorMessage(error.reason) }, { status: 400 })
		}
		return redirect(`${here}?hlaseni=assigned`)
	}
	if (value.intent === 'resend') {
		if (!user.me.roles.includes('admin')) throw data({ reason: 'forbidden' }, { status: 403 })
		try {
			await resendDelivery({ db: user.db, submissionId: submission.id, staffId: user.me.id })
		} catch (error) {
			// Delivered meanwhile, or resent from another tab: nothing changed.
			if (!(error instanceof SubmissionError)) throw error
			return data({ error: submissionErrorMessage(error.reason) }, { status: 409 })
		}
		return redirect(`${here}?hlaseni=resent`)
	}
	const page = await inboxPage(request, context, 'detail.title')
	const upload = body.get('document')
	const document = await checkDecisionDocument(upload instanceof File ? upload : null)
	if (!document.ok)
		return data(
			{ error: 'detail.errors.document', upload: { reason: document.reason, name: upload instanceof File ? upload.name : '', detail: document.detail ?? '' } },
			{ status: 400 },
		)
	try {
		await changeSubmissionStatus({
			db: user.db,
			townSlug: user.tenant.slug,
			townOrigin: page.origin,
			submissionId: submission.id,
			to: value.status,
			message: value.message,
			document: document.file,
			staff,
			...requestMeta(context),
		})
	} catch (error) {
		if (!(error instanceof SubmissionError)) throw error
		return data({ error: submissionErrorMessage(error.reason) }, { status: 400 })
	}
	return redirect(`${here}?hlaseni=status`)
}

export default function InboxDetailPage() {
	const { t } = useTranslation('forms-office')
	const { submission: s, notice, myId, canUpdate, isAdmin, colleagues } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const refusedUpload = actionData && 'upload' in actionData ? (actionData.upload as { reason: string; name: string; detail: string }) : null
	return (
		<main id="main" className="mx-auto w-full min-w-0 max-w-4xl p-4 [overflow-wrap:anywhere] sm:p-6">
			<p className="mb-4">
				<Link to="/urad/podani">{t('detail.back')}</Link>
			</p>
			<h1 className="mb-2 text-2xl font-bold">{s.number}</h1>
			<p className="mb-4">
				{s.form} · {t(`status.${s.status}`)} · {s.applicant ?? t('inbox.anonymous')}
				{s.email ? ` · ${s.email}` : ''}
			</p>
			{/* What the records system reported, as the citizen sees it (issue 19). */}
			<dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4">
				<dt className="font-semibold">{t('detail.referenceNumber')}</dt>
				<dd>{s.referenceNumber ?? '—'}</dd>
				<dt className="font-semibold">{t('detail.recordsHandler')}</dt>
				<dd>{s.recordsHandler ?? '—'}</dd>
				<dt className="font-semibold">{t('detail.assignedHere')}</dt>
				<dd>{s.assignee?.name ?? t('inbox.unassigned')}</dd>
			</dl>
			{notice ? (
				<p role="status" className="mb-4 rounded-town border border-muted/30 p-3">
					{t(`detail.notice.${notice}`)}
				</p>
			) : null}
			{actionData && 'error' in actionData ? (
				<p role="alert" className="mb-4 rounded-town border border-danger p-3">
					{refusedUpload
						? t(actionData.error, { reason: t(`forms:upload.${refusedUpload.reason}`, { name: refusedUpload.name, detail: refusedUpload.detail }) })
						: t(actionData.error)}
				</p>
			) : null}
			{s.deliveryError !== null ? (
				<section aria-label={t('detail.resend')} className="mb-6 rounded-town border border-danger p-4">
					<p>{t('detail.deliveryFailed', { error: s.deliveryError })}</p>
					{isAdmin ? (
						<Form method="post" className="mt-2">
							<input type="hidden" name="intent" value="resend" />
							<button type="submit" className={BUTTON}>
								{t('detail.resend')}
							</button>
						</Form>
					) : null}
				</section>
			) : null}
			{canUpdate ? (
				<div className="mb-8 grid grid-cols-1 gap-6 sm:grid-cols-2">
					{/* grid-cols-1 is minmax(0, 1fr): on a phone the forms shrink to the screen, not grow to their widest control. */}
					<Form method="post" className="min-w-0 rounded-town border border-muted/30 p-4">
						<h2 className="mb-2 text-xl font-semibold">{t('detail.assign')}</h2>
						<input type="hidden" name="intent" value="assign" />
						<label htmlFor="assigneeId" className="mb-1 block font-medium">
							{t('detail.assignTo')}
						</label>
						<select id="assigneeId" name="assigneeId" defaultValue={s.assignee?.id ?? myId} className={FIELD}>
							{colleagues.map((c) => (
								<option key={c.id} value={c.id}>
									{c.name}
								</option>
							))}
						</select>
						<button type="submit" className={`${BUTTON} mt-3`}>
							{t('detail.assign')}
						</button>
					</Form>
					<Form method="post" className="min-w-0 rounded-town border border-muted/30 p-4">
						<input type="hidden" name="intent" value="assign" />
						<input type="hidden" name="assigneeId" value={myId} />
						<button type="submit" className={BUTTON}>
							{t('detail.assignSelf')}
						</button>
					</Form>
					{s.nextStatuses.length > 0 ? (
						<Form method="post" encType="multipart/form-data" className="min-w-0 rounded-town border border-muted/30 p-4">
							<h2 className="mb-2 text-xl font-semibold">{t('detail.changeStatus')}</h2>
							<input type="hidden" name="intent" value="status" />
							<label htmlFor="status" className="mb-1 block font-medium">
								{t('detail.newStatus')}
							</label>
							<select id="status" name="status" className={FIELD}>
								{s.nextStatuses.map((status) => (
									<option key={status} value={status}>
										{t(`status.${status}`)}
									</option>
								))}
							</select>
							<label htmlFor="message" className="mb-1 mt-3 block font-medium">
								{t('detail.message')}
							</label>
							<textarea id="message" name="message" rows={4} maxLength={4000} className={FIELD} />
							<label htmlFor="document" className="mb-1 mt-3 block font-medium">
								{t('detail.document')}
							</label>
							<p id="document-help" className="mb-1 text-sm">
								{t('detail.documentHelp')}
							</p>
							<input
								id="document"
								name="document"
								type="file"
								aria-describedby="document-help"
								accept=".pdf,.jpg,.jpeg,.png,.docx,.odt"
								className="block w-full min-w-0 max-w-full"
							/>
							<button type="submit" className={`${BUTTON} mt-3`}>
								{t('detail.save')}
							</button>
						</Form>
					) : null}
				</div>
			) : null}
			<section aria-labelledby="data" className="mb-8">
				<h2 id="data" className="mb-2 text-xl font-semibold">
					{t('detail.data')}
				</h2>
				<dl>
					{s.answers.map((answer) => (
						<div key={answer.label} className="mb-2">
							<dt className="font-semibold">{answer.label}</dt>
							<dd>{answer.value}</dd>
						</div>
					))}
				</dl>
			</section>
			<section aria-labelledby="files" className="mb-8">
				<h2 id="files" className="mb-2 text-xl font-semibold">
					{t('detail.attachments')}
				</h2>
				{s.attachments.length === 0 ? (
					<p>{t('detail.noAttachments')}</p>
				) : (
					<ul>
						{s.attachments.map((file) => (
							<li key={file.id}>
								<a href={`/urad/podani/${s.id}/priloha/${file.id}`}>{file.fileName}</a> ({Math.ceil(file.size / 1024)} kB)
								{file.isDecision ? ` · ${t('detail.decisionDocument')}` : ''}
							</li>
						))}
					</ul>
				)}
			</section>
			<section aria-labelledby="timeline">
				<h2 id="timeline" className="mb-2 text-xl font-semibold">
					{t('detail.timeline')}
				</h2>
				<ol>
					{s.events.map((event) => (
						<li key={event.id} className="mb-2">
							<strong>{event.at}</strong> · {t(`events.${event.label}`)} · {t(`actor.${event.actor}`)}
							{event.actorName ? ` (${event.actorName})` : ''}
							{event.status ? ` · ${t(`status.${event.status}`)}` : ''}
							{event.message ? ` – ${event.message}` : ''}
						</li>
					))}
				</ol>
			</section>
		</main>
	)
}

export const handle = { i18n: ['office', 'forms-office', 'forms'] }

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
