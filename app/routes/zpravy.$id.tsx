import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { ThreadConversation } from '~/components/messages/thread-conversation'
import { asSubject, ForbiddenError } from '~/modules/access/ability.server'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { getPersonName } from '~/modules/citizen/get-person-contact.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { isAppError } from '~/modules/errors/app-error'
import { answerNeedsInfo } from '~/modules/forms/answer-needs-info.server'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { checkMessageFiles } from '~/modules/messages/check-message-files.server'
import { getThread } from '~/modules/messages/get-thread.server'
import { markThreadRead } from '~/modules/messages/mark-thread-read.server'
import { ReplySchema } from '~/modules/messages/message-input'
import { postMessage } from '~/modules/messages/post-message.server'
import { threadView } from '~/modules/messages/thread-view'
import { listTopics, topicName } from '~/modules/messages/topics.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: ['messages', 'forms'] }

async function load(request: Request, context: LoaderFunctionArgs['context'], id: string | undefined) {
	const user = await requireCitizen(request, context)
	const parsed = z.uuid().safeParse(id)
	const thread = parsed.success ? await getThread({ db: user.db, ability: user.ability, id: parsed.data, forCitizen: true }) : null
	if (!thread) throw data(null, { status: 404 })
	return { user, thread }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const { user, thread } = await load(request, context, params.id)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	await markThreadRead(user.db, { threadId: thread.id, personId: user.actor.personId })
	const url = new URL(request.url)
	return {
		title: thread.subject,
		topic: topicName(await listTopics(user.db), thread.topic, locale),
		notice: url.searchParams.has('odeslano') ? 'sent' : url.searchParams.has('odpovezeno') ? 'replied' : null,
		thread: threadView(thread, locale),
	}
}

export async function action({ request, context, params }: ActionFunctionArgs) {
	const { user, thread } = await load(request, context, params.id)
	ForbiddenError.from(user.ability).throwUnlessCan('update', asSubject('MessageThread', thread as never))
	const body = await request.formData()
	const parsed = ReplySchema.safeParse({ body: body.get('body') ?? '' })
	if (!parsed.success) return data({ error: { key: 'thread.errors.body', name: '', detail: '' } }, { status: 400 })
	const files = await checkMessageFiles(body.getAll('files'))
	if (!files.ok) return data({ error: { key: `forms:upload.${files.reason}`, name: files.name, detail: files.detail } }, { status: 400 })
	try {
		// An answer to the office's question on a submission also goes to the records system (answer outbox).
		if (thread.submission?.status === 'needs_info') {
			await answerNeedsInfo({
				db: user.db,
				ability: user.ability,
				submissionId: thread.submission.id,
				personId: user.actor.personId,
				message: parsed.data.body,
				files: files.files.map((file) => ({ ...file, fieldName: 'answer' })),
			})
		} else {
			await postMessage(user.db, {
				threadId: thread.id,
				author: { kind: 'citizen', name: await getPersonName({ db: user.db, personId: user.actor.personId }) },
				body: parsed.data.body,
				files: files.files,
			})
		}
	} catch (error) {
		if (!isAppError(error, 'input_invalid')) throw error
		return data({ error: { key: 'thread.errors.notOpen', name: '', detail: '' } }, { status: 409 })
	}
	return redirect(`/zpravy/${thread.id}?odpovezeno=1`, 303)
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function MessageThreadPage() {
	const { thread, topic, notice } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('messages')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<p className="mb-4">
				<Link to="/zpravy">{t('thread.back')}</Link>
			</p>
			<h1 className="mb-2 text-3xl font-bold">{thread.subject}</h1>
			<p className="mb-6">
				{topic} · {t(`state.${thread.state}`)}
				{thread.submission ? (
					<>
						{' · '}
						<Link to={`/podani/${thread.submission.number}`}>{t('mine.submission', { number: thread.submission.number })}</Link>
					</>
				) : null}
			</p>
			<ThreadConversation
				messages={thread.messages}
				attachmentHref={(fileId) => `/zpravy/${thread.id}/priloha/${fileId}`}
				notice={notice ? t(`thread.notice.${notice}`) : null}
				reply={{
					heading: t('thread.reply'),
					hint: thread.state === 'closed' ? t('thread.closedHint') : null,
					error: actionData?.error ? t(actionData.error.key, { name: actionData.error.name, detail: actionData.error.detail }) : null,
				}}
			/>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
