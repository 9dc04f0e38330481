import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ProgrammeForm } from '~/components/grants/programme-form'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { GrantInputError } from '~/modules/grants/grant-error'
import { requireProgrammeAdmin } from '~/modules/grants/office-programme-guard.server'
import { programmeProblem, readProgrammeForm } from '~/modules/grants/programme-form.server'
import { saveProgramme } from '~/modules/grants/save-programme.server'
import { requestMeta } from '~/modules/staff/office-request.server'

export const handle = { i18n: ['office', 'grants'] }

export async function loader({ request, context }: LoaderFunctionArgs) {
	const { page, t } = await requireProgrammeAdmin(request, context)
	return { title: `${t.office.newProgramme} – ${page.townName}` }
}

export async function action({ request, context }: ActionFunctionArgs) {
	const { user } = await requireProgrammeAdmin(request, context)
	const body = await request.formData()
	const form = readProgrammeForm(body)
	if (!form.ok) return data(form.problem, { status: 400 })
	try {
		const { versionId } = await saveProgramme({ db: user.db, staffId: user.actor.staffUserId, input: form.input, meta: requestMeta(context) })
		return redirect(`/urad/dotace/program/${versionId}?hlaseni=saved`)
	} catch (error) {
		if (error instanceof GrantInputError) return data(programmeProblem(error, body), { status: 400 })
		throw error
	}
}

export const meta = titleMeta

export default function NewProgrammePage() {
	const problem = useActionData<typeof action>() ?? null
	const { t } = useTranslation('grants')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<p className="mb-4">
				<Link to="/urad/dotace">{t('office.backToList')}</Link>
			</p>
			<h1 className="mb-6 text-3xl font-bold">{t('office.newProgramme')}</h1>
			<ProgrammeForm
				values={problem?.values ?? { kind: 'programme', eligibleApplicants: 'both', coFinancingPercent: '0', minGrant: '0' }}
				problem={problem}
				isEdit={false}
				submitLabel={t('office.save')}
			/>
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
