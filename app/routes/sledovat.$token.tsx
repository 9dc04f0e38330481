import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { isRouteErrorResponse, useActionData, useLoaderData, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { ThreadConversation } from '~/components/messages/thread-conversation'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { isAppError } from '~/modules/errors/app-error'
import { recordNeedsInfoAnswer } from '~/modules/forms/answer-needs-info.server'
import { pickText, type LocalizedText } from '~/modules/i18n/locales'
import { formatDate } from '~/modules/i18n/format'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { checkMessageFiles } from '~/modules/messages/check-message-files.server'
import { lookUpFollowupLink } from '~/modules/messages/followup-link.server'
import { unsafeGetFollowupView } from '~/modules/messages/followup-view.server'
import { ReplySchema } from '~/modules/messages/message-input'
import { requireTenant, requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: ['messages', 'forms'] }

// An anonymous submitter's private follow-up page (decision 023): the token in the path is the
// permission. Unknown, revoked and expired links each get a plain page saying so, and change nothing.
async function open(context: LoaderFunctionArgs['context'], token: string | undefined) {
	const db = getTenantDb(requireTenant(context))
	const link = await lookUpFollowupLink(db, token ?? '')
	return { db, link }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const texts = resources[locale].messages.followup
	const { db, link } = await open(context, params.token)
	if (link.state !== 'open')
		throw data(
			{ state: link.state, title: texts[link.state].title },
			{ status: link.state === 'unknown' ? 404 : 410, headers: { 'Cache-Control': 'no-store' } },
		)
	const submission = await unsafeGetFollowupView(db, link.submissionId)
	return data(
		{
			title: texts.title.replace('{{number}}', submission.number),
			isAnswered: new URL(request.url).searchParams.has('odpovezeno'),
			submission: {
				number: submission.number,
				status: submission.status,
				referenceNumber: submission.referenceNumber,
				form: pickText((submission.formVersion.definition as { title: LocalizedText }).title, locale),
				submittedAt: formatDate(submission.submittedAt, locale),
				messages: (submission.thread?.messages ?? []).map((m) => ({ ...m, createdAt: formatDate(m.createdAt, locale) })),
			},
		},
		{ headers: { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } },
	)
}

export async function action({ request, context, params }: ActionFunctionArgs) {
	const { db, link } = await open(context, params.token)
	if (link.state !== 'open') throw data({ state: link.state }, { status: link.state === 'unknown' ? 404 : 410 })
	const body = await request.formData()
	const parsed = ReplySchema.safeParse({ body: body.get('body') ?? '' })
	if (!parsed.success) return data({ error: { key: 'thread.errors.body', name: '', detail: '' } }, { status: 400 })
	const files = await checkMessageFiles(body.getAll('files'))
	if (!files.ok) return data({ error: { key: `forms:upload.${files.reason}`, name: files.name, detail: files.detail } }, { status: 400 })
	try {
		await recordNeedsInfoAnswer({
			db,
			submissionId: link.submissionId,
			authorName: null,
			message: parsed.data.body,
			files: files.files.map((file) => ({ ...file, fieldName: 'answer' })),
		})
	} catch (error) {
		if (!isAppError(error, 'input_invalid')) throw error
		return data({ error: { key: 'forms:detail.answerNotWaiting', name: '', detail: '' } }, { status: 409 })
	}
	return redirect(`/sledovat/${params.token}?odpovezeno=1`, 303)
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => [
	...townPageMeta(page?.title, matches),
	{ name: 'robots', content: 'noindex' },
]

export default function FollowupPage() {
	const { submission, isAnswered } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('messages')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('followup.title', { number: submission.number })}</h1>
			<p className="mb-4">{t('followup.intro')}</p>
			<dl className="mb-6">
				<dt className="font-semibold">{t('followup.form')}</dt>
				<dd className="mb-2">{submission.form}</dd>
				<dt className="font-semibold">{t('followup.submittedAt')}</dt>
				<dd className="mb-2">{submission.submittedAt}</dd>
				<dt className="font-semibold">{t('followup.status')}</dt>
				<dd className="mb-2">{t(`forms:status.${submission.status}`)}</dd>
				<dt className="font-semibold">{t('followup.reference')}</dt>
				<dd className="mb-2">{submission.referenceNumber ?? '—'}</dd>
			</dl>
			<ThreadConversation
				messages={submission.messages}
				heading={t('followup.conversation')}
				notice={isAnswered ? t('thread.notice.replied') : null}
				reply={
					submission.status === 'needs_info'
						? {
								heading: t('followup.answer'),
								error: actionData?.error ? t(actionData.error.key, { name: actionData.error.name, detail: actionData.error.detail }) : null,
							}
						: null
				}
			/>
		</main>
	)
}

export function ErrorBoundary() {
	return <FollowupErrorBoundary />
}

function FollowupErrorBoundary() {
	const { t } = useTranslation('messages')
	const error = useRouteError()
	const state = isRouteErrorResponse(error) ? (error.data as { state?: string } | null)?.state : undefined
	if (state === 'unknown' || state === 'revoked' || state === 'expired') return <Closed state={state} t={t} />
	return <GeneralErrorBoundary />
}

function Closed({ state, t }: { state: 'unknown' | 'revoked' | 'expired'; t: (key: string) => string }) {
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t(`followup.${state}.title`)}</h1>
			<p>{t(`followup.${state}.text`)}</p>
		</main>
	)
}
