import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { getPersonName } from '~/modules/citizen/get-person-contact.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { isAppError } from '~/modules/errors/app-error'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { checkMessageFiles } from '~/modules/messages/check-message-files.server'
import { MAX_BODY, MAX_SUBJECT, NewThreadSchema } from '~/modules/messages/message-input'
import { startThread } from '~/modules/messages/start-thread.server'
import { listTopics, topicName } from '~/modules/messages/topics.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: ['messages', 'forms'] }

const FIELD = 'rounded-town border border-muted bg-surface px-3 py-2'

export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const topics = await listTopics(user.db)
	return { title: resources[locale].messages.new.title, topics: topics.map((topic) => ({ code: topic.code, name: topicName(topics, topic.code, locale) })) }
}

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireCitizen(request, context)
	const body = await request.formData()
	const parsed = NewThreadSchema.safeParse({ topic: body.get('topic') ?? '', subject: body.get('subject') ?? '', body: body.get('body') ?? '' })
	const values = { topic: String(body.get('topic') ?? ''), subject: String(body.get('subject') ?? ''), body: String(body.get('body') ?? '') }
	if (!parsed.success)
		return data({ error: { key: 'new.errors.fields' }, fields: parsed.error.issues.map((issue) => String(issue.path[0])), values }, { status: 400 })
	const files = await checkMessageFiles(body.getAll('files'))
	if (!files.ok)
		return data({ error: { key: `forms:upload.${files.reason}`, name: files.name, detail: files.detail }, fields: ['files'], values }, { status: 400 })
	const authorName = await getPersonName({ db: user.db, personId: user.actor.personId })
	try {
		const thread = await startThread({ db: user.db, ability: user.ability, personId: user.actor.personId, authorName, ...parsed.data, files: files.files })
		return redirect(`/zpravy/${thread.id}?odeslano=1`, 303)
	} catch (error) {
		if (!isAppError(error, 'input_invalid')) throw error
		return data({ error: { key: 'new.errors.fields' }, fields: ['topic'], values }, { status: 400 })
	}
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function NewMessage() {
	const { topics } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('messages')
	const invalid = (name: string) => (actionData?.fields.includes(name) ? true : undefined)
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<p className="mb-4">
				<Link to="/zpravy">{t('thread.back')}</Link>
			</p>
			<h1 className="mb-2 text-3xl font-bold">{t('new.title')}</h1>
			<p className="mb-6">{t('new.intro')}</p>
			{actionData?.error ? (
				<p role="alert" className="mb-4 font-semibold text-red-800">
					{t(actionData.error.key, {
						name: 'name' in actionData.error ? actionData.error.name : '',
						detail: 'detail' in actionData.error ? actionData.error.detail : '',
					})}
				</p>
			) : null}
			<Form method="post" encType="multipart/form-data" className="grid gap-3">
				<label htmlFor="topic" className="font-semibold">
					{t('new.topic')}
				</label>
				<select id="topic" name="topic" required defaultValue={actionData?.values.topic ?? ''} aria-invalid={invalid('topic')} className={FIELD}>
					<option value="">{t('new.chooseTopic')}</option>
					{topics.map((topic) => (
						<option key={topic.code} value={topic.code}>
							{topic.name}
						</option>
					))}
				</select>
				<label htmlFor="subject" className="font-semibold">
					{t('new.subject')}
				</label>
				<input
					id="subject"
					name="subject"
					required
					maxLength={MAX_SUBJECT}
					defaultValue={actionData?.values.subject}
					aria-invalid={invalid('subject')}
					className={FIELD}
				/>
				<label htmlFor="body" className="font-semibold">
					{t('new.body')}
				</label>
				<textarea
					id="body"
					name="body"
					required
					rows={8}
					maxLength={MAX_BODY}
					defaultValue={actionData?.values.body}
					aria-invalid={invalid('body')}
					className={FIELD}
				/>
				<label htmlFor="files" className="font-semibold">
					{t('new.files')}
				</label>
				<p id="files-hint" className="text-sm">
					{t('new.filesHint')}
				</p>
				<input
					id="files"
					name="files"
					type="file"
					multiple
					accept="application/pdf,image/jpeg,image/png"
					aria-describedby="files-hint"
					aria-invalid={invalid('files')}
				/>
				<button type="submit" className="justify-self-start rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
					{t('new.send')}
				</button>
			</Form>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
