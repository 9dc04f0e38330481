import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { isAppError } from '~/modules/errors/app-error'
import { GrantInputError } from '~/modules/grants/grant-error'
import { findPublishedCall } from '~/modules/grants/my-applications.server'
import { startGrantApplication } from '~/modules/grants/save-application.server'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: ['grants'] }

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const call = await findPublishedCall({ db: user.db, callId: params.callId ?? '' })
	if (!call) throw data(null, { status: 404 })
	return {
		title: resources[locale].grants.start.title,
		call: { name: call.name, programme: call.programmeVersion.name, eligible: call.programmeVersion.eligibleApplicants },
	}
}

export async function action({ request, context, params }: ActionFunctionArgs) {
	const user = await requireCitizen(request, context)
	const body = await request.formData()
	const kind = body.get('applicantKind') === 'legal' ? 'legal' : 'natural'
	const ico = String(body.get('ico') ?? '').replace(/\s/g, '')
	try {
		const application = await startGrantApplication({
			db: user.db,
			personId: user.actor.personId,
			callId: params.callId ?? '',
			applicant: kind === 'legal' ? { kind, ico } : { kind },
		})
		return redirect(`/dotace/zadost/${application.id}`)
	} catch (error) {
		if (error instanceof GrantInputError) return data({ error: error.key, ico }, { status: 400 })
		// ARES unreachable: the applicant can try again later; nothing was created.
		if (isAppError(error)) return data({ error: 'errors.aresUnavailable', ico }, { status: 503 })
		throw error
	}
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function StartGrantApplication() {
	const { call } = useLoaderData<typeof loader>()
	const problem = useActionData<typeof action>()
	const { t } = useTranslation('grants')
	const field = 'mt-1 rounded-town border border-muted bg-surface px-3 py-2'
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('start.title')}</h1>
			<p className="mb-6">
				{call.programme} – {call.name}
			</p>
			{problem?.error ? (
				<p role="alert" className="mb-4 rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900">
					{t(problem.error)}
				</p>
			) : null}
			<Form method="post" className="space-y-4">
				<fieldset>
					<legend className="font-semibold">{t('start.who')}</legend>
					{call.eligible !== 'legal' ? (
						<label className="mt-2 block">
							<input type="radio" name="applicantKind" value="natural" defaultChecked={call.eligible !== 'legal'} /> {t('start.myself')}
						</label>
					) : null}
					{call.eligible !== 'natural' ? (
						<label className="mt-2 block">
							<input type="radio" name="applicantKind" value="legal" defaultChecked={call.eligible === 'legal'} /> {t('start.legal')}
						</label>
					) : null}
				</fieldset>
				{call.eligible !== 'natural' ? (
					<div>
						<label htmlFor="ico" className="block font-semibold">
							{t('start.ico')}
						</label>
						<p id="ico-help" className="text-sm">
							{t('start.icoHelp')}
						</p>
						<input id="ico" name="ico" inputMode="numeric" maxLength={10} defaultValue={problem?.ico ?? ''} aria-describedby="ico-help" className={field} />
					</div>
				) : null}
				<button type="submit" className="rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
					{t('start.submit')}
				</button>
			</Form>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
