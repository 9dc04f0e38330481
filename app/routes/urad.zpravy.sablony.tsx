import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { addCannedReply, CannedReplySchema, listCannedReplies, removeCannedReply } from '~/modules/messages/canned-replies.server'
import { MAX_BODY } from '~/modules/messages/message-input'
import { messagesOfficePage } from '~/modules/messages/messages-office-page.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'

const FIELD = 'w-full rounded-town border border-muted bg-surface px-3 py-2 text-ink'
const BUTTON = 'rounded-town bg-primary px-4 py-2 font-medium text-primary-contrast'

export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'manage', 'CannedReply', { request, context })
	const page = await messagesOfficePage(request, context, 'cannedPage.title')
	const notice = new URL(request.url).searchParams.get('hlaseni')
	return { title: page.title, notice: notice === 'added' || notice === 'removed' ? notice : null, replies: await listCannedReplies(user.db) }
}

export const handle = { i18n: ['office', 'messages'] }

export const meta = titleMeta

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'manage', 'CannedReply', { request, context })
	const body = await request.formData()
	if (body.get('intent') === 'remove') {
		const id = z.uuid().safeParse(body.get('id'))
		if (id.success) await removeCannedReply(user.db, { id: id.data, staffId: user.me.id })
		return redirect('/urad/zpravy/sablony?hlaseni=removed')
	}
	const parsed = CannedReplySchema.safeParse({ title: body.get('title') ?? '', body: body.get('body') ?? '' })
	if (!parsed.success) return data({ error: true, values: { title: String(body.get('title') ?? ''), body: String(body.get('body') ?? '') } }, { status: 400 })
	await addCannedReply(user.db, { ...parsed.data, staffId: user.me.id })
	return redirect('/urad/zpravy/sablony?hlaseni=added')
}

export default function CannedRepliesPage() {
	const { t } = useTranslation('messages')
	const { replies, notice } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return (
		<main id="main" className="mx-auto max-w-4xl p-6">
			<p className="mb-4">
				<Link to="/urad/zpravy">{t('office.detail.back')}</Link>
			</p>
			<h1 className="mb-2 text-2xl font-bold">{t('office.cannedPage.title')}</h1>
			<p className="mb-4">{t('office.cannedPage.intro')}</p>
			{notice ? (
				<p role="status" className="mb-4 rounded-town border border-muted/30 p-3">
					{t(`office.cannedPage.${notice}`)}
				</p>
			) : null}
			{actionData?.error ? (
				<p role="alert" className="mb-4 rounded-town border border-danger p-3">
					{t('office.cannedPage.error')}
				</p>
			) : null}
			{replies.length === 0 ? <p className="mb-6">{t('office.cannedPage.empty')}</p> : null}
			<ul className="mb-8 grid gap-3">
				{replies.map((reply) => (
					<li key={reply.id} className="rounded-town border border-muted p-3">
						<p className="font-semibold">{reply.title}</p>
						<p className="mb-2 whitespace-pre-line">{reply.body}</p>
						<Form method="post">
							<input type="hidden" name="intent" value="remove" />
							<input type="hidden" name="id" value={reply.id} />
							<button type="submit" className={BUTTON} aria-label={`${t('office.cannedPage.remove')}: ${reply.title}`}>
								{t('office.cannedPage.remove')}
							</button>
						</Form>
					</li>
				))}
			</ul>
			<Form method="post" className="grid gap-3">
				<input type="hidden" name="intent" value="add" />
				<label htmlFor="title" className="font-semibold">
					{t('office.cannedPage.name')}
				</label>
				<input id="title" name="title" required maxLength={120} defaultValue={actionData?.values.title} className={FIELD} />
				<label htmlFor="body" className="font-semibold">
					{t('office.cannedPage.body')}
				</label>
				<textarea id="body" name="body" required rows={5} maxLength={MAX_BODY} defaultValue={actionData?.values.body} className={FIELD} />
				<button type="submit" className={`${BUTTON} justify-self-start`}>
					{t('office.cannedPage.add')}
				</button>
			</Form>
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
