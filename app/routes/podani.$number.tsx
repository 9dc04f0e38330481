import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FieldValue } from '~/components/forms/field-value'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { isAppError } from '~/modules/errors/app-error'
import { answerNeedsInfo } from '~/modules/forms/answer-needs-info.server'
import { isConditionMet } from '~/modules/forms/build-submission-schema'
import { checkUpload } from '~/modules/forms/check-upload.server'
import { getMySubmission } from '~/modules/forms/get-my-submission.server'
import { formatDate, formatFileSize, formatTime } from '~/modules/i18n/format'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'
import { pickText } from '~/modules/i18n/locales'
import { uploadRefusalText } from '~/modules/forms/upload-refusal-text'

export const handle = { i18n: ['forms'] }

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const submission = await getMySubmission({ db: user.db, ability: user.ability, number: params.number ?? '' })
	if (!submission) throw data(null, { status: 404 })
	const url = new URL(request.url)
	const time = (date: Date) => `${formatDate(date, locale)} ${formatTime(date, locale)}`
	return {
		locale,
		isJustSubmitted: url.searchParams.has('odeslano'),
		isAnswered: url.searchParams.has('odpovezeno'),
		title: resources[locale].forms.detail.title.replace('{{number}}', submission.number),
		submission: { ...submission, submittedAt: time(submission.submittedAt), events: submission.events.map((event) => ({ ...event, at: time(event.at) })) },
	}
}

export async function action({ request, context, params }: ActionFunctionArgs) {
	const user = await requireCitizen(request, context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const texts = resources[locale].forms
	const submission = await getMySubmission({ db: user.db, ability: user.ability, number: params.number ?? '' })
	if (!submission) throw data(null, { status: 404 })
	const formData = await request.formData()
	const message = String(formData.get('message') ?? '').trim()
	if (!message || message.length > 5000) return data({ error: texts.fill.errorSummary }, { status: 400 })
	const files = []
	for (const entry of formData.getAll('files')) {
		if (typeof entry === 'string' || entry.size === 0) continue
		const checked = await checkUpload({
			definition: submission.form.definition,
			accept: ['application/pdf', 'image/jpeg', 'image/png'],
			maxFiles: 5,
			fieldName: 'answer',
			fileName: entry.name,
			content: Buffer.from(await entry.arrayBuffer()),
			existing: files,
		})
		if (!checked.ok) return data({ error: uploadRefusalText(texts.upload, checked.reason, entry.name, checked.detail, locale) }, { status: 400 })
		files.push({ ...checked.file, fieldName: 'answer' })
	}
	try {
		await answerNeedsInfo({ db: user.db, ability: user.ability, submissionId: submission.id, personId: user.actor.personId, message, files })
	} catch (error) {
		// An old tab, or the office moved the submission on meanwhile: nothing was saved.
		if (!isAppError(error, 'input_invalid')) throw error
		return data({ error: texts.detail.answerNotWaiting }, { status: 409 })
	}
	return redirect(`/podani/${submission.number}?odpovezeno=1`, 303)
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function SubmissionDetail() {
	const { submission, locale, isJustSubmitted, isAnswered } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('forms')
	const definition = submission.form.definition
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			{isJustSubmitted ? (
				<div role="status" className="mb-8 rounded-town border-2 border-primary p-4">
					<h1 className="mb-2 text-3xl font-bold">{t('done.title')}</h1>
					<p className="text-xl">
						{t('done.number')}: <strong>{submission.number}</strong>
					</p>
					<p className="mt-2">{t('done.text', { at: submission.submittedAt })}</p>
					{submission.contactEmail ? <p className="mt-2">{t('done.emailSent', { email: submission.contactEmail })}</p> : null}
				</div>
			) : (
				<h1 className="mb-4 text-3xl font-bold">{t('detail.title', { number: submission.number })}</h1>
			)}
			<p className="mb-2 text-xl font-semibold">{pickText(definition.title, locale)}</p>
			<dl className="mb-6">
				<dt className="font-semibold">{t('mine.status')}</dt>
				<dd className="mb-2">{t(`status.${submission.status}`)}</dd>
				<dt className="font-semibold">{t('mine.reference')}</dt>
				<dd className="mb-2">{submission.referenceNumber ?? '—'}</dd>
				{submission.assigneeName ? (
					<>
						<dt className="font-semibold">{t('detail.assignee')}</dt>
						<dd className="mb-2">{[submission.assigneeName, submission.assigneeDepartment].filter(Boolean).join(', ')}</dd>
					</>
				) : null}
			</dl>
			<p className="mb-8 flex flex-wrap gap-4">
				<a href={`/podani/${submission.number}/pdf`} download>
					{t('done.pdf')}
				</a>
				<Link to="/podani">{t('done.mine')}</Link>
				{submission.thread ? <Link to={`/zpravy/${submission.thread.id}`}>{t('detail.conversation')}</Link> : null}
			</p>
			<section aria-labelledby="timeline" className="mb-8">
				<h2 id="timeline" className="mb-2 text-2xl font-semibold">
					{t('detail.timeline')}
				</h2>
				<ol className="border-l-2 border-primary pl-4">
					{submission.events.map((event) => (
						<li key={event.id} className="mb-3">
							<p className="text-sm text-muted">{event.at}</p>
							<p className="font-semibold">{event.status ? t(`status.${event.status}`) : t(`event.${event.kind}`, { defaultValue: event.kind })}</p>
							{event.message ? <p>{event.message}</p> : null}
							{event.attachments.map((file) => (
								<p key={file.id}>
									<a href={`/podani/${submission.number}/dokument/${file.id}`} download>
										{t('detail.document', { name: file.fileName })}
									</a>{' '}
									({formatFileSize(file.size, locale)})
								</p>
							))}
							{event.actorName ? <p className="text-sm">{event.actorName}</p> : null}
						</li>
					))}
				</ol>
			</section>
			{submission.status !== 'needs_info' && actionData?.error ? (
				<p role="alert" className="mb-8 font-semibold text-red-800">
					{actionData.error}
				</p>
			) : null}
			{submission.status === 'needs_info' ? (
				<section aria-labelledby="answer" className="mb-8">
					<h2 id="answer" className="mb-2 text-2xl font-semibold">
						{t('detail.answerTitle')}
					</h2>
					{isAnswered ? <p role="status">{t('detail.answerSent')}</p> : null}
					{actionData?.error ? (
						<p role="alert" className="font-semibold text-red-800">
							{actionData.error}
						</p>
					) : null}
					<Form method="post" encType="multipart/form-data" className="grid gap-3">
						<label htmlFor="message" className="font-semibold">
							{t('detail.answer')}
						</label>
						<textarea id="message" name="message" rows={5} maxLength={5000} className="rounded-town border border-muted bg-surface px-3 py-2" />
						<label htmlFor="files" className="font-semibold">
							{t('detail.answerFiles')}
						</label>
						<input id="files" name="files" type="file" multiple accept="application/pdf,image/jpeg,image/png" />
						<button type="submit" className="justify-self-start rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
							{t('detail.answerSend')}
						</button>
					</Form>
				</section>
			) : null}
			<section aria-labelledby="data" className="mb-8">
				<h2 id="data" className="mb-2 text-2xl font-semibold">
					{t('detail.data')}
				</h2>
				<dl>
					{definition.steps
						.flatMap((step) => step.fields)
						.filter((field) => isConditionMet(field.visibleWhen, submission.data))
						.map((field) => (
							<div key={field.name} className="mb-2">
								<dt className="font-semibold">{pickText(field.label, locale)}</dt>
								<dd>
									<FieldValue field={field} value={submission.data[field.name]} locale={locale} files={submission.attachments} />
								</dd>
							</div>
						))}
				</dl>
			</section>
			<section aria-labelledby="files-title">
				<h2 id="files-title" className="mb-2 text-2xl font-semibold">
					{t('detail.attachments')}
				</h2>
				{submission.attachments.length ? (
					<ul>
						{submission.attachments.map((file) => (
							<li key={file.id}>
								<a href={`/podani/${submission.number}/priloha/${file.id}`} download>
									{t('detail.attachment', { name: file.fileName })}
								</a>{' '}
								({formatFileSize(file.size, locale)})
							</li>
						))}
					</ul>
				) : (
					<p>{t('detail.noAttachments')}</p>
				)}
			</section>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
