import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BoardDocumentForm } from '~/components/board/board-document-form'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { boardNow, pragueDay } from '~/modules/board/board-clock.server'
import { BoardInputError } from '~/modules/board/board-error'
import { requireBoardClerk } from '~/modules/board/office-board-guard.server'
import { postBoardDocument } from '~/modules/board/post-board-document.server'
import { problemFromError, readBoardForm } from '~/modules/board/read-board-form.server'
import { requestMeta } from '~/modules/staff/office-request.server'

export async function loader({ request, context }: LoaderFunctionArgs) {
	const { page, t } = await requireBoardClerk(request, context)
	return { title: `${t.office.newTitle} – ${page.townName}`, today: pragueDay(boardNow()) }
}

export async function action({ request, context }: ActionFunctionArgs) {
	const { user } = await requireBoardClerk(request, context)
	const body = await request.formData()
	const form = await readBoardForm(body)
	if (!form.ok) return data(form.problem, { status: 400 })
	try {
		await postBoardDocument({ db: user.db, input: form.input, files: form.files, staffId: user.me.id, staffName: user.me.name, meta: requestMeta(context) })
	} catch (error) {
		if (error instanceof BoardInputError) return data(problemFromError(error, body), { status: 400 })
		throw error
	}
	return redirect('/urad/uredni-deska?hlaseni=posted')
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'board'] }

export default function NewBoardDocumentPage() {
	const { today } = useLoaderData<typeof loader>()
	const problem = useActionData<typeof action>()
	const { t } = useTranslation('board')
	const v = problem?.values ?? {}
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<p className="mb-4">
				<Link to="/urad/uredni-deska">{t('office.title')}</Link>
			</p>
			<h1 className="mb-6 text-3xl font-bold">{t('office.newTitle')}</h1>
			<BoardDocumentForm
				values={{
					title: v.title ?? '',
					description: v.description ?? '',
					category: v.category ?? '',
					referenceNumber: v.referenceNumber ?? '',
					fileMark: v.fileMark ?? '',
					concerns: v.concerns ?? '',
					postedFrom: v.postedFrom ?? today,
					postedUntil: v.postedUntil ?? '',
				}}
				fieldErrors={problem?.fieldErrors ?? {}}
				formError={problem?.formError ?? null}
				submitLabel={t('office.save')}
			/>
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
