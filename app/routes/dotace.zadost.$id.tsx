import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { LiveBudget } from '~/components/grants/live-budget'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { storedDate } from '~/modules/dates/prague-date'
import { ApplicationInputSchema, crownsToHalere } from '~/modules/grants/application-schema'
import { GrantInputError } from '~/modules/grants/grant-error'
import { findMyApplication } from '~/modules/grants/my-applications.server'
import { readCostCategories } from '~/modules/grants/programme-rules'
import { saveGrantApplication } from '~/modules/grants/save-application.server'
import { fileGrantSettlement } from '~/modules/grants/settlement.server'
import { submitGrantApplication } from '~/modules/grants/submit-application.server'
import { formatMoney } from '~/modules/i18n/format'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: ['grants'] }
const BUDGET_ROWS = 6

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const a = await findMyApplication({ db: user.db, ability: user.ability, id: params.id ?? '' })
	if (!a) throw data(null, { status: 404 })
	const pv = a.call.programmeVersion
	return {
		title: `${resources[locale].grants.application.title} ${a.number}`,
		application: {
			...a,
			periodFrom: a.periodFrom ? storedDate(a.periodFrom) : '',
			periodTo: a.periodTo ? storedDate(a.periodTo) : '',
			awarded: a.awardedAmount ? formatMoney(a.awardedAmount, locale) : null,
			budgetLines: a.budgetLines.map((l) => ({ ...l, ownShare: String(l.ownShare / 100), requested: String(l.requested / 100) })),
		},
		programme: {
			name: pv.name,
			call: a.call.name,
			maxGrant: formatMoney(pv.maxGrant, locale),
			minGrant: formatMoney(pv.minGrant, locale),
			coFinancingPercent: pv.coFinancingPercent,
			categories: readCostCategories(pv.costCategories),
		},
		limits: { maxGrant: pv.maxGrant, minGrant: pv.minGrant, coFinancingPercent: pv.coFinancingPercent, costCategories: readCostCategories(pv.costCategories) },
	}
}

function readBudget(body: FormData) {
	const lines = []
	for (let i = 0; i < BUDGET_ROWS; i++) {
		const category = String(body.get(`budget.${i}.category`) ?? '')
		if (!category) continue
		lines.push({
			category,
			description: String(body.get(`budget.${i}.description`) ?? ''),
			ownShare: body.get(`budget.${i}.ownShare`) ?? '',
			requested: body.get(`budget.${i}.requested`) ?? '',
		})
	}
	return lines
}

export async function action({ request, context, params }: ActionFunctionArgs) {
	const user = await requireCitizen(request, context)
	const body = await request.formData()
	const intent = String(body.get('intent'))
	const applicationId = params.id ?? ''
	const personId = user.actor.personId
	try {
		if (intent === 'settlement') {
			const spent = crownsToHalere.safeParse(body.get('spentGrant'))
			if (!spent.success) return data({ error: 'errors.amount', field: 'spentGrant' }, { status: 400 })
			await fileGrantSettlement({
				db: user.db,
				personId,
				applicationId,
				input: { costs: [], narrative: String(body.get('narrative') ?? ''), spentGrant: spent.data },
			})
			return redirect(`/dotace/moje?hlaseni=settlement`)
		}
		const parsed = ApplicationInputSchema.safeParse({
			...Object.fromEntries(
				['purpose', 'reasoning', 'periodFrom', 'periodTo', 'representatives', 'ownership', 'contactEmail'].map((k) => [k, body.get(k) ?? '']),
			),
			budget: readBudget(body),
		})
		if (!parsed.success) return data({ error: parsed.error.issues[0]!.message, field: String(parsed.error.issues[0]!.path[0] ?? '') }, { status: 400 })
		await saveGrantApplication({ db: user.db, personId, applicationId, input: parsed.data })
		if (intent === 'submit') {
			await submitGrantApplication({ db: user.db, personId, applicationId })
			return redirect(`/dotace/moje?hlaseni=submitted`)
		}
		return data({ error: null, field: null, saved: true })
	} catch (error) {
		if (error instanceof GrantInputError) return data({ error: error.key, field: error.field, values: error.values }, { status: 400 })
		throw error
	}
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function GrantApplicationPage() {
	const { application: a, programme, limits } = useLoaderData<typeof loader>()
	const formRef = useRef<HTMLFormElement>(null)
	const result = useActionData<typeof action>()
	const { t } = useTranslation('grants')
	const field = 'mt-1 w-full rounded-town border border-muted bg-surface px-3 py-2'
	const editable = a.state === 'draft' || a.state === 'returned'
	const values = result && 'values' in result && result.values ? (result.values as Record<string, string | number>) : {}
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<p className="mb-4">
				<Link to="/dotace/moje">{t('mine.title')}</Link>
			</p>
			<h1 className="mb-2 text-3xl font-bold">
				{t('application.title')} {a.number}
			</h1>
			<p className="mb-2">
				{programme.name} – {programme.call}
			</p>
			<p className="mb-6">
				{t('application.state')}: <strong>{t(`states.${a.state}`)}</strong>
			</p>
			{result?.error ? (
				<p role="alert" className="mb-6 rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900">
					{t(result.error, values)}
				</p>
			) : null}
			{result && 'saved' in result ? (
				<p role="status" className="mb-6 font-semibold">
					{t('application.saved')}
				</p>
			) : null}
			{a.returnMessage && a.state === 'returned' ? (
				<p className="mb-4 rounded-town border border-muted p-3">{t('application.returned', { message: a.returnMessage })}</p>
			) : null}
			{a.rejectionReason ? <p className="mb-4 rounded-town border border-muted p-3">{t('application.rejected', { reason: a.rejectionReason })}</p> : null}
			{a.exclusionReason ? <p className="mb-4 rounded-town border border-muted p-3">{t('application.excluded', { reason: a.exclusionReason })}</p> : null}
			{a.awarded ? <p className="mb-4 rounded-town border border-muted p-3 font-semibold">{t('application.awarded', { amount: a.awarded })}</p> : null}
			<h2 className="mb-2 text-xl font-bold">{t('application.applicant')}</h2>
			<p className="mb-6">
				{a.applicantName}
				{a.applicantIco ? `, ${t('awarded.ico')} ${a.applicantIco}` : ''}
				{a.legalForm ? `, ${a.legalForm}` : ''}
				{a.address ? `, ${a.address}` : ''}
			</p>
			{editable ? (
				<Form method="post" className="space-y-4" ref={formRef}>
					{(['purpose', 'reasoning'] as const).map((name) => (
						<div key={name}>
							<label htmlFor={name} className="block font-semibold">
								{t(`application.${name}`)}
							</label>
							<textarea id={name} name={name} rows={3} defaultValue={a[name]} className={field} aria-invalid={result?.field === name || undefined} />
						</div>
					))}
					<div className="grid gap-4 sm:grid-cols-2">
						{(['periodFrom', 'periodTo'] as const).map((name) => (
							<div key={name}>
								<label htmlFor={name} className="block font-semibold">
									{t(`application.${name}`)}
								</label>
								<input id={name} name={name} type="date" defaultValue={a[name]} className={field} aria-invalid={result?.field === name || undefined} />
							</div>
						))}
					</div>
					{a.applicantKind === 'legal' ? (
						<>
							<div>
								<label htmlFor="representatives" className="block font-semibold">
									{t('application.representatives')}
								</label>
								<textarea id="representatives" name="representatives" rows={2} defaultValue={a.representatives} className={field} />
							</div>
							<div>
								<label htmlFor="ownership" className="block font-semibold">
									{t('application.ownership')}
								</label>
								<textarea id="ownership" name="ownership" rows={2} defaultValue={a.ownership} className={field} />
							</div>
						</>
					) : null}
					<div>
						<label htmlFor="contactEmail" className="block font-semibold">
							{t('application.contactEmail')}
						</label>
						<input id="contactEmail" name="contactEmail" type="email" defaultValue={a.contactEmail ?? ''} className={field} />
					</div>
					<fieldset>
						<legend className="text-xl font-bold">{t('application.budget')}</legend>
						<p className="mb-2 text-sm">
							{t('application.budgetHelp', { max: programme.maxGrant, min: programme.minGrant, percent: programme.coFinancingPercent })}
						</p>
						<table className="w-full text-left">
							<thead>
								<tr>
									<th scope="col">{t('application.category')}</th>
									<th scope="col">{t('application.lineDescription')}</th>
									<th scope="col">{t('application.ownShare')}</th>
									<th scope="col">{t('application.requested')}</th>
								</tr>
							</thead>
							<tbody>
								{Array.from({ length: BUDGET_ROWS }, (_, i) => {
									const line = a.budgetLines[i]
									return (
										<tr key={i}>
											<td>
												<select
													name={`budget.${i}.category`}
													aria-label={`${t('application.category')} ${i + 1}`}
													defaultValue={line?.category ?? ''}
													className={field}
												>
													<option value="">–</option>
													{programme.categories.map((c) => (
														<option key={c.code} value={c.code}>
															{c.name}
														</option>
													))}
												</select>
											</td>
											<td>
												<input
													name={`budget.${i}.description`}
													aria-label={`${t('application.lineDescription')} ${i + 1}`}
													defaultValue={line?.description ?? ''}
													className={field}
												/>
											</td>
											<td>
												<input
													name={`budget.${i}.ownShare`}
													inputMode="decimal"
													aria-label={`${t('application.ownShare')} ${i + 1}`}
													defaultValue={line?.ownShare ?? ''}
													className={field}
												/>
											</td>
											<td>
												<input
													name={`budget.${i}.requested`}
													inputMode="decimal"
													aria-label={`${t('application.requested')} ${i + 1}`}
													defaultValue={line?.requested ?? ''}
													className={field}
												/>
											</td>
										</tr>
									)
								})}
							</tbody>
						</table>
						<LiveBudget formRef={formRef} rows={BUDGET_ROWS} limits={limits} />
					</fieldset>
					<div className="flex flex-wrap gap-3">
						<button type="submit" name="intent" value="save" className="rounded-town border border-primary px-4 py-2 font-semibold">
							{t('application.save')}
						</button>
						<button type="submit" name="intent" value="submit" className="rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
							{t('application.submit')}
						</button>
					</div>
				</Form>
			) : null}
			{a.state === 'paid' || a.state === 'settlement_returned' ? (
				<Form method="post" className="mt-8 space-y-4">
					<h2 className="text-xl font-bold">{t('settlement.title')}</h2>
					<div>
						<label htmlFor="spentGrant" className="block font-semibold">
							{t('settlement.spentGrant')}
						</label>
						<input id="spentGrant" name="spentGrant" inputMode="decimal" className={field} />
					</div>
					<div>
						<label htmlFor="narrative" className="block font-semibold">
							{t('settlement.narrative')}
						</label>
						<textarea id="narrative" name="narrative" rows={4} className={field} />
					</div>
					<button type="submit" name="intent" value="settlement" className="rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
						{t('settlement.submit')}
					</button>
				</Form>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
