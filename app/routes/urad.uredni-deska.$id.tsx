import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { BoardDocumentForm } from '~/components/board/board-document-form'
import { Notice } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { dateToDay } from '~/modules/board/board-clock.server'
import { BoardRemovalSchema } from '~/modules/board/board-document-schema'
import { BoardInputError } from '~/modules/board/board-error'
import { editBoardDocument } from '~/modules/board/edit-board-document.server'
import { getOfficeBoardDocument } from '~/modules/board/get-office-board-document.server'
import { requireBoardClerk } from '~/modules/board/office-board-guard.server'
import { problemFromError, readBoardForm } from '~/modules/board/read-board-form.server'
import { removeBoardDocument } from '~/modules/board/remove-board-document.server'
import { formatDate } from '~/modules/i18n/format'
import { requestMeta } from '~/modules/staff/office-request.server'

async function load(request: Request, context: LoaderFunctionArgs['context'], id: string | undefined) {
	const guard = await requireBoardClerk(request, context)
	const parsed = z.uuid().safeParse(id)
	const document = parsed.success ? await getOfficeBoardDocument({ db: guard.user.db, id: parsed.data }) : null
	if (!document) throw data({ reason: 'not_found' }, { status: 404 })
	return { ...guard, document }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const { page, t, document: d } = await load(request, context, params.id)
	const url = new URL(request.url)
	const notice = url.searchParams.get('hlaseni')
	return {
		title: `${d.title} – ${t.office.editTitle} – ${page.townName}`,
		notice:
			notice === 'edited' ? { key: 'office.edited', version: d.version } : notice === 'removed' ? { key: 'office.removedNotice', version: d.version } : null,
		document: {
			id: d.id,
			state: d.state,
			version: d.version,
			isEditable: d.state === 'planned' || d.state === 'posted',
			removal: d.removalReason ? { reason: d.removalReason, at: d.removedAt ? formatDate(d.removedAt, page.locale) : '' } : null,
			values: {
				title: d.title,
				description: d.description,
				category: d.category,
				referenceNumber: d.referenceNumber ?? '',
				fileMark: d.fileMark ?? '',
				concerns: d.concerns ?? '',
				postedFrom: dateToDay(d.postedFrom),
				postedUntil: dateToDay(d.postedUntil),
			},
			attachments: d.attachments.map((a) => ({ id: a.id, fileName: a.fileName })),
			versions: d.versions.map((v) => ({
				version: v.version,
				title: v.title,
				postedUntil: formatDate(v.postedUntil, page.locale),
				changedAt: formatDate(v.changedAt, page.locale),
				changedBy: v.changedBy ?? '—',
				changeNote: v.changeNote ?? '—',
			})),
			transitions: d.transitions.map((tr) => ({
				id: String(tr.id),
				from: tr.fromState,
				to: tr.toState,
				source: tr.source,
				at: formatDate(tr.at, page.locale),
				actor: tr.actor ?? '—',
			})),
		},
	}
}

export async function action({ request, context, params }: ActionFunctionArgs) {
	const { user, document } = await load(request, context, params.id)
	const body = await request.formData()
	const here = `/urad/uredni-deska/${document.id}`
	if (body.get('intent') === 'remove') {
		const parsed = parseWithZod(body, { schema: BoardRemovalSchema })
		if (parsed.status !== 'success') return data({ removeError: 'errors.reasonRequired' as string }, { status: 400 })
		try {
			await removeBoardDocument({
				db: user.db,
				documentId: document.id,
				reason: parsed.value.reason,
				staffId: user.me.id,
				staffName: user.me.name,
				meta: requestMeta(context),
			})
		} catch (error) {
			if (error instanceof BoardInputError) return data({ removeError: error.key }, { status: 400 })
			throw error
		}
		return redirect(`${here}?hlaseni=removed`)
	}
	const form = await readBoardForm(body)
	if (!form.ok) return data(form.problem, { status: 400 })
	try {
		await editBoardDocument({
			db: user.db,
			documentId: document.id,
			input: form.input,
			files: form.files,
			dropAttachmentIds: form.dropAttachmentIds,
			staffId: user.me.id,
			staffName: user.me.name,
			meta: requestMeta(context),
		})
	} catch (error) {
		if (error instanceof BoardInputError) return data(problemFromError(error, body), { status: 400 })
		throw error
	}
	return redirect(`${here}?hlaseni=edited`)
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'board'] }

export default function EditBoardDocumentPage() {
	const { document: d, notice } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const { t } = useTranslation('board')
	const problem = result && 'values' in result ? result : null
	const removeError = result && 'removeError' in result ? result.removeError : null
	const v = problem?.values
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<p className="mb-4">
				<Link to="/urad/uredni-deska">{t('office.title')}</Link>
			</p>
			<h1 className="mb-2 text-3xl font-bold">{d.values.title}</h1>
			<p className="mb-6">
				{t('office.state')}: {t(`states.${d.state}`, { defaultValue: d.state })} · {t('detail.version')} {d.version}
				{d.state !== 'planned' ? (
					<>
						{' · '}
						<Link to={`/uredni-deska/${d.id}`}>{t('office.view')}</Link>
					</>
				) : null}
			</p>
			{notice ? <Notice>{t(notice.key, { version: notice.version })}</Notice> : null}
			{d.removal ? <p className="mb-6">{t('detail.removed', { date: d.removal.at, reason: d.removal.reason })}</p> : null}
			{d.isEditable ? (
				<>
					<h2 className="mb-4 text-2xl font-semibold">{t('office.editTitle')}</h2>
					<BoardDocumentForm
						values={
							v
								? {
										title: v.title ?? '',
										description: v.description ?? '',
										category: v.category ?? '',
										referenceNumber: v.referenceNumber ?? '',
										fileMark: v.fileMark ?? '',
										concerns: v.concerns ?? '',
										postedFrom: v.postedFrom ?? '',
										postedUntil: v.postedUntil ?? '',
									}
								: d.values
						}
						fieldErrors={problem?.fieldErrors ?? {}}
						formError={problem?.formError ?? null}
						submitLabel={t('office.saveEdit')}
						isEdit
						isFromFixed={d.state === 'posted'}
						attachments={d.attachments}
					/>
					<section aria-labelledby="remove-heading" className="mt-10 rounded-town border-2 border-muted p-4">
						<h2 id="remove-heading" className="mb-2 text-2xl font-semibold">
							{t('office.remove.title')}
						</h2>
						<p id="remove-help" className="mb-3">
							{t('office.remove.help')}
						</p>
						<Form method="post">
							<input type="hidden" name="intent" value="remove" />
							<label htmlFor="remove-reason" className="mb-1 block font-medium">
								{t('office.remove.reason')}
							</label>
							<textarea
								id="remove-reason"
								name="reason"
								rows={3}
								required
								aria-invalid={removeError ? true : undefined}
								aria-describedby={removeError ? 'remove-help remove-error' : 'remove-help'}
								className="w-full max-w-xl rounded-town border border-muted bg-surface px-3 py-2 text-ink"
							/>
							<div id="remove-error" role="alert" className={removeError ? 'mt-1 font-medium text-red-800' : undefined}>
								{removeError ? t(removeError) : null}
							</div>
							<button type="submit" className="mt-3 rounded-town border-2 border-muted bg-surface px-4 py-2 font-semibold text-ink">
								{t('office.remove.submit')}
							</button>
						</Form>
					</section>
				</>
			) : (
				<p className="mb-6">{t('office.notEditable')}</p>
			)}
			<section aria-labelledby="versions-heading" className="mt-10">
				<h2 id="versions-heading" className="mb-2 text-2xl font-semibold">
					{t('office.versions')}
				</h2>
				<table className="w-full text-left text-sm">
					<thead>
						<tr>
							<th scope="col">{t('detail.version')}</th>
							<th scope="col">{t('detail.changedAt')}</th>
							<th scope="col">{t('columns.title')}</th>
							<th scope="col">{t('columns.postedUntil')}</th>
							<th scope="col">{t('detail.changeNote')}</th>
						</tr>
					</thead>
					<tbody>
						{d.versions.map((ver) => (
							<tr key={ver.version} className="border-t border-muted/30">
								<td className="py-1 pr-3">{ver.version}</td>
								<td className="py-1 pr-3">
									{ver.changedAt} ({ver.changedBy})
								</td>
								<td className="py-1 pr-3">{ver.title}</td>
								<td className="py-1 pr-3">{ver.postedUntil}</td>
								<td className="py-1">{ver.changeNote}</td>
							</tr>
						))}
					</tbody>
				</table>
			</section>
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
