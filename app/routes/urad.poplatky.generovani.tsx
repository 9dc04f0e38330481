import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { SubmitButton } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { ClaimGenerationError, claimGenerationErrorMessage } from '~/modules/claims/claim-generation-error'
import { listRecentClaimGenerationRuns, requestClaimGeneration } from '~/modules/claims/request-claim-generation.server'
import { resources } from '~/modules/i18n/resources.server'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { useFormat } from '~/modules/i18n/use-format'
import { useRefreshWhile } from '~/modules/progress/use-refresh-while'

const YearSchema = z.coerce.number().int().min(2000).max(2100)

export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.home')
	const user = await requireOfficeStaff(request, context)
	// Generation is a fee-rules matter: admins run it (update), payments clerks and auditors follow it (read).
	await requirePermission(user, 'read', 'FeeRuleVersion', { request, context })
	const runs = await listRecentClaimGenerationRuns({ db: user.db })
	return {
		title: `${resources[page.locale]['fees-office'].generate.title} – ${page.townName}`,
		year: new Date().getUTCFullYear(),
		canGenerate: user.ability.can('update', 'FeeRuleVersion'),
		runs: runs.map((r) => ({
			id: r.id,
			year: r.year,
			status: r.status,
			done: r.done,
			total: r.total,
			created: r.created,
			existing: r.existing,
			error: r.error,
			createdAt: r.createdAt.toISOString(),
		})),
	}
}

export const meta = titleMeta

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'update', 'FeeRuleVersion', { request, context })
	const year = YearSchema.safeParse((await request.formData()).get('year'))
	if (!year.success) return data({ error: 'generate.errors.year' }, { status: 400 })
	try {
		await requestClaimGeneration({ db: user.db, tenantSlug: user.tenant.slug, year: year.data, by: user.me.id, ...requestMeta(context) })
	} catch (error) {
		if (!(error instanceof ClaimGenerationError)) throw error
		return data({ error: claimGenerationErrorMessage(error.reason) }, { status: 400 })
	}
	return redirect('/urad/poplatky/generovani')
}

export const handle = { i18n: ['office', 'fees-office'] }

export default function GenerateClaimsPage() {
	const { year, canGenerate, runs } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('fees-office')
	const format = useFormat()
	const active = runs.some((r) => r.status === 'queued' || r.status === 'running')
	// While a run is queued or running, the page refreshes its figures every two seconds.
	useRefreshWhile(active)
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
			<h1 className="mb-4 text-3xl font-bold">{t('generate.title')}</h1>
			<p className="mb-6">{t('generate.intro')}</p>
			<div role="alert" className={actionData ? 'mb-4 rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900' : undefined}>
				{actionData ? t(actionData.error) : null}
			</div>
			{canGenerate ? (
				<Form method="post" className="mb-8 flex flex-wrap items-end gap-3">
					<label>
						<span className="mb-1 block font-medium">{t('generate.year')}</span>
						<input type="number" name="year" min={2000} max={2100} defaultValue={year} required className="rounded-town border px-2 py-1" />
					</label>
					<SubmitButton>{t('generate.submit')}</SubmitButton>
				</Form>
			) : null}
			<section aria-labelledby="runs-heading" aria-live="polite">
				<h2 id="runs-heading" className="mb-3 text-xl font-semibold">
					{t('generate.runs')}
				</h2>
				{runs.length === 0 ? <p>{t('generate.noRuns')}</p> : null}
				<ul className="space-y-3">
					{runs.map((r) => (
						<li key={r.id} className="rounded-town border p-3" data-testid="generation-run">
							<p className="font-medium">
								{t('generate.runLine', { year: r.year, at: format.dateTime(r.createdAt) })}: {t(`generate.status.${r.status as 'queued'}`)}
							</p>
							{r.status === 'running' && r.total > 0 ? (
								<progress max={r.total} value={r.done} aria-label={t('generate.progress', { done: r.done, total: r.total })} className="w-full" />
							) : null}
							{r.status === 'done' ? <p>{t('generate.result', { created: r.created ?? 0, existing: r.existing ?? 0 })}</p> : null}
							{r.status === 'failed' ? <p>{t('generate.failed', { error: r.error ?? '' })}</p> : null}
						</li>
					))}
				</ul>
			</section>
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
