import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ProgrammeForm } from '~/components/grants/programme-form'
import { Notice } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { GrantInputError } from '~/modules/grants/grant-error'
import { requireProgrammeAdmin } from '~/modules/grants/office-programme-guard.server'
import { loadProgrammeVersion, programmeProblem, readProgrammeForm } from '~/modules/grants/programme-form.server'
import { getPublicationCheck, publishProgramme } from '~/modules/grants/publish-programme.server'
import { saveProgramme } from '~/modules/grants/save-programme.server'
import { requestMeta } from '~/modules/staff/office-request.server'

export const handle = { i18n: ['office', 'grants'] }
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

async function load(request: Request, context: LoaderFunctionArgs['context'], id: string) {
	const guard = await requireProgrammeAdmin(request, context)
	const version = UUID.test(id) ? await loadProgrammeVersion(guard.user.db, id) : null
	if (!version) throw data(null, { status: 404 })
	return { ...guard, version }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const { page, user, version, t } = await load(request, context, params.id ?? '')
	const check = version.state === 'draft' ? await getPublicationCheck({ db: user.db, versionId: version.id, now: new Date() }) : null
	const notice = new URL(request.url).searchParams.get('hlaseni')
	return {
		title: `${version.values.name} – ${t.office.programmeTitle} – ${page.townName}`,
		version,
		check,
		notice: notice === 'saved' || notice === 'published' ? notice : null,
	}
}

export async function action({ request, context, params }: ActionFunctionArgs) {
	const { user, version } = await load(request, context, params.id ?? '')
	const body = await request.formData()
	const staffId = user.actor.staffUserId
	const meta = requestMeta(context)
	if (body.get('intent') === 'publish') {
		try {
			await publishProgramme({
				db: user.db,
				staffId,
				staffName: user.me.name,
				versionId: version.id,
				confirmOverride: body.get('confirmOverride') === 'on',
				meta,
			})
		} catch (error) {
			if (error instanceof GrantInputError) return data({ intent: 'publish' as const, error: { key: error.key, values: error.values } }, { status: 400 })
			throw error
		}
		return redirect(`/urad/dotace/program/${version.id}?hlaseni=published`)
	}
	try {
		// The code names the programme for good: the form shows it read-only and the server keeps it.
		body.set('code', version.values.code!)
		const form = readProgrammeForm(body)
		if (!form.ok) return data({ ...form.problem, intent: 'save' as const }, { status: 400 })
		const { versionId } = await saveProgramme({ db: user.db, staffId, input: form.input, programmeId: version.programmeId, meta })
		return redirect(`/urad/dotace/program/${versionId}?hlaseni=saved`)
	} catch (error) {
		if (error instanceof GrantInputError) return data({ ...programmeProblem(error, body), intent: 'save' as const }, { status: 400 })
		throw error
	}
}

export const meta = titleMeta

export default function EditProgrammePage() {
	const { version, check, notice } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>() ?? null
	const { t } = useTranslation('grants')
	const publishError = result?.intent === 'publish' ? result.error : null
	const saveProblem = result?.intent === 'save' ? result : null
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<p className="mb-4">
				<Link to="/urad/dotace">{t('office.backToList')}</Link>
			</p>
			<h1 className="mb-2 text-3xl font-bold">{version.values.name}</h1>
			<p className="mb-6">
				{t('office.programmeTitle')} {version.values.code}, v{version.version} – <strong>{t(`office.versionState.${version.state}`)}</strong>
			</p>
			{notice ? <Notice>{t(notice === 'saved' ? 'office.programmeSaved' : 'office.programmePublished')}</Notice> : null}
			{version.state === 'published' ? (
				<p className="mb-6">
					{t('office.published')} <Link to={`/urad/dotace/program/${version.id}/poradi`}>{t('ranking.link')}</Link>
				</p>
			) : null}
			{check ? (
				<Form method="post" className="mb-8 space-y-3 rounded-town border border-muted p-4">
					<h2 className="text-xl font-bold">{t('office.publish')}</h2>
					<p>{t('office.publicationCheck', { lead: check.leadDays, days: check.requiredDays })}</p>
					<div role="alert" className={publishError ? 'rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900' : undefined}>
						{publishError ? <p id="confirmOverride-error">{t(publishError.key, publishError.values)}</p> : null}
					</div>
					{check.isEarlyEnough ? null : (
						<label className="block">
							<input type="checkbox" name="confirmOverride" className="mr-2" aria-describedby={publishError ? 'confirmOverride-error' : undefined} />
							{t('office.confirmOverride')}
						</label>
					)}
					<button type="submit" name="intent" value="publish" className="rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
						{t('office.publish')}
					</button>
				</Form>
			) : null}
			<h2 className="mb-4 text-xl font-bold">{t('office.editProgramme')}</h2>
			<ProgrammeForm key={version.id} values={saveProblem?.values ?? version.values} problem={saveProblem} isEdit submitLabel={t('office.save')} />
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
