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
import { readCostCategories, readRequiredAttachments } from '~/modules/grants/programme-rules'
import { saveGrantApplication } from '~/modules/grants/save-application.server'
import { fileGrantSettlement, settlementCategories, settlementReturn } from '~/modules/grants/settlement.server'
import { addGrantAttachments, listGrantAttachments, removeGrantAttachment } from '~/modules/grants/grant-attachments.server'
import { renderQrPlatbaSvg } from '~/modules/payments/qr/qr-image.server'
import { submitGrantApplication } from '~/modules/grants/submit-application.server'
import { formatDate, formatMoney } from '~/modules/i18n/format'
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
	const [attachments, toReturn] = await Promise.all([listGrantAttachments(user.db, a.id), settlementReturn({ db: user.db, applicationId: a.id })])
	const categories = new Map(readCostCategories(pv.costCategories).map((c) => [c.code, c.name]))
	const required = readRequiredAttachments(pv.requiredAttachments)
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
		attachments: attachments.map((x) => ({
			...x,
			kindName: x.purpose === 'settlement' ? null : (required.find((r) => r.code === x.kind)?.name ?? null),
			kb: Math.ceil(x.size / 1024),
		})),
		required: required.map((r) => ({ ...r, attached: attachments.some((x) => x.purpose === 'application' && x.kind === r.code) })),
		settlementCategories: settlementCategories(a.budgetLines).map((c) => ({
			category: c.category,
			name: categories.get(c.category) ?? c.category,
			planned: formatMoney(c.planned, locale),
		})),
		toReturn: toReturn
			? {
					amount: formatMoney(toReturn.amount, locale),
					remaining: formatMoney(toReturn.remaining, locale),
					variableSymbol: toReturn.variableSymbol,
					iban: toReturn.iban,
					dueDate: toReturn.dueDate ? formatDate(toReturn.dueDate, locale) : null,
					settledOn: toReturn.settledAt ? formatDate(toReturn.settledAt, locale) : null,
					qrSvg: toReturn.spayd ? renderQrPlatbaSvg(toReturn.spayd, { label: resources[locale].grants.return.qr }) : null,
				}
			: null,
		limits: { maxGrant: pv.maxGrant, minGrant: pv.minGrant, coFinancingPercent: pv.coFinancingPercent, costCategories: readCostCategories(pv.costCategories) },
	}
}

/** The files sent under `name` (an empty file input sends one nameless empty part: not a file). */
async function uploads(body: FormData, name: string) {
	const files = body.getAll(name).filter((v): v is File => typeof v !== 'string' && (v.size > 0 || v.name !== ''))
	return Promise.all(files.map(async (file) => ({ fileName: file.name, content: Buffer.from(await file.arrayBuffer()) })))
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
		if (intent === 'attach') {
			await addGrantAttachments({
				db: user.db,
				personId,
				applicationId,
				purpose: 'application',
				kind: String(body.get('kind') ?? ''),
				files: await uploads(body, 'attachment'),
			})
			return data({ error: null, field: null, attached: true })
		}
		if (intent === 'remove') {
			await removeGrantAttachment({ db: user.db, personId, attachmentId: String(body.get('attachmentId') ?? '') })
			return data({ error: null, field: null, removed: true })
		}
		if (intent === 'settlement') {
			const spent = crownsToHalere.safeParse(body.get('spentGrant'))
			if (!spent.success) return data({ error: 'errors.amount', field: 'spentGrant' }, { status: 400 })
			const costs = []
			for (const [name, value] of body.entries()) {
				if (!name.startsWith('cost.') || value === '') continue
				const amount = crownsToHalere.safeParse(value)
				if (!amount.success) return data({ error: 'errors.amount', field: name }, { status: 400 })
				costs.push({ category: name.slice('cost.'.length), amount: amount.data })
			}
			await fileGrantSettlement({
				db: user.db,
				personId,
				applicationId,
				input: { costs, narrative: String(body.get('narrative') ?? ''), spentGrant: spent.data },
				receipts: await uploads(body, 'receipts'),
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
	const { application: a, programme, limits, attachments, required, settlementCategories, toReturn } = useLoaderData<typeof loader>()
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
			{result && ('attached' in result || 'removed' in result) ? (
				<p role="status" className="mb-6 font-semibold">
					{t('attached' in result ? 'attachments.added' : 'attachments.removed')}
				</p>
			) : null}
			{a.state !== 'draft' ? (
				<p className="mb-4">
					<a href={`/dotace/zadost/${a.id}/potvrzeni.pdf`}>{t('pdf.link')}</a>
				</p>
			) : null}
			{toReturn ? <ReturnInfo toReturn={toReturn} /> : null}
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
			<Attachments
				editable={editable}
				attachments={attachments.filter((x) => x.purpose === 'application')}
				required={required}
				invalid={result?.field === 'attachment' || result?.field === 'attachments'}
			/>
			{a.state === 'paid' || a.state === 'settlement_returned' ? (
				<Form method="post" encType="multipart/form-data" className="mt-8 space-y-4">
					<h2 className="text-xl font-bold">{t('settlement.title')}</h2>
					<fieldset className="space-y-3">
						<legend className="font-bold">{t('settlement.costs')}</legend>
						{settlementCategories.map((c) => (
							<div key={c.category}>
								<label htmlFor={`cost.${c.category}`} className="block font-semibold">
									{t('settlement.actual', { name: c.name })}
								</label>
								<p id={`cost.${c.category}-planned`} className="text-sm">
									{t('settlement.planned')}: {c.planned}
								</p>
								<input
									id={`cost.${c.category}`}
									name={`cost.${c.category}`}
									inputMode="decimal"
									aria-describedby={`cost.${c.category}-planned`}
									aria-invalid={result?.field === `cost.${c.category}` || undefined}
									className={field}
								/>
							</div>
						))}
					</fieldset>
					<div>
						<label htmlFor="spentGrant" className="block font-semibold">
							{t('settlement.spentGrant')}
						</label>
						<input id="spentGrant" name="spentGrant" inputMode="decimal" className={field} aria-invalid={result?.field === 'spentGrant' || undefined} />
					</div>
					<div>
						<label htmlFor="narrative" className="block font-semibold">
							{t('settlement.narrative')}
						</label>
						<textarea id="narrative" name="narrative" rows={4} className={field} aria-invalid={result?.field === 'narrative' || undefined} />
					</div>
					{attachments.some((x) => x.purpose === 'settlement') ? (
						<div>
							<h3 className="font-semibold">{t('settlement.existingReceipts')}</h3>
							<ul>
								{attachments
									.filter((x) => x.purpose === 'settlement')
									.map((x) => (
										<li key={x.id} className="break-words">
											<a href={`/dotace/priloha/${x.id}`}>{x.fileName}</a> ({x.kb} kB)
										</li>
									))}
							</ul>
						</div>
					) : null}
					<div>
						<label htmlFor="receipts" className="block font-semibold">
							{t('settlement.receipts')}
						</label>
						<p id="receipts-help" className="text-sm">
							{t('settlement.receiptsHelp')}
						</p>
						<input
							id="receipts"
							name="receipts"
							type="file"
							multiple
							accept="application/pdf,image/jpeg,image/png"
							aria-describedby="receipts-help"
							aria-invalid={result?.field === 'attachment' || undefined}
							className={field}
						/>
					</div>
					<button type="submit" name="intent" value="settlement" className="rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
						{t('settlement.submit')}
					</button>
				</Form>
			) : null}
		</main>
	)
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>

function Attachments({
	editable,
	attachments,
	required,
	invalid,
}: {
	editable: boolean
	attachments: PageData['attachments']
	required: PageData['required']
	invalid: boolean
}) {
	const { t } = useTranslation('grants')
	const field = 'mt-1 w-full rounded-town border border-muted bg-surface px-3 py-2'
	return (
		<section className="mt-8 space-y-3">
			<h2 className="text-xl font-bold">{t('attachments.title')}</h2>
			{required.length ? (
				<>
					<h3 className="font-semibold">{t('attachments.required')}</h3>
					<ul className="ml-5 list-disc">
						{required.map((r) => (
							<li key={r.code}>
								{r.name}: <strong>{t(r.attached ? 'attachments.attached' : 'attachments.missing')}</strong>
							</li>
						))}
					</ul>
				</>
			) : null}
			{attachments.length === 0 ? <p>{t('attachments.none')}</p> : null}
			<ul className="space-y-2">
				{attachments.map((x) => (
					<li key={x.id} className="flex flex-wrap items-center gap-2 break-words">
						<span>
							{x.kindName ?? t('attachments.other')}: <a href={`/dotace/priloha/${x.id}`}>{x.fileName}</a> ({x.kb} kB)
						</span>
						{editable ? (
							<Form method="post">
								<input type="hidden" name="attachmentId" value={x.id} />
								<button type="submit" name="intent" value="remove" className="rounded-town border border-primary px-3 py-1">
									{t('attachments.remove')}
									<span className="sr-only"> {x.fileName}</span>
								</button>
							</Form>
						) : null}
					</li>
				))}
			</ul>
			{editable ? (
				<Form method="post" encType="multipart/form-data" className="space-y-3">
					<div>
						<label htmlFor="kind" className="block font-semibold">
							{t('attachments.kind')}
						</label>
						<select id="kind" name="kind" className={field}>
							{required.map((r) => (
								<option key={r.code} value={r.code}>
									{r.name}
								</option>
							))}
							<option value="other">{t('attachments.other')}</option>
						</select>
					</div>
					<div>
						<label htmlFor="attachment" className="block font-semibold">
							{t('attachments.file')}
						</label>
						<input
							id="attachment"
							name="attachment"
							type="file"
							multiple
							accept="application/pdf,image/jpeg,image/png"
							aria-invalid={invalid || undefined}
							className={field}
						/>
					</div>
					<button type="submit" name="intent" value="attach" className="rounded-town border border-primary px-4 py-2 font-semibold">
						{t('attachments.add')}
					</button>
				</Form>
			) : null}
		</section>
	)
}

function ReturnInfo({ toReturn }: { toReturn: NonNullable<PageData['toReturn']> }) {
	const { t } = useTranslation('grants')
	return (
		<section className="mb-6 rounded-town border border-muted p-3">
			<h2 className="text-xl font-bold">{t('return.title')}</h2>
			{toReturn.settledOn ? (
				<p className="font-semibold">{t('return.settled', { date: toReturn.settledOn })}</p>
			) : (
				<>
					<dl className="grid grid-cols-[auto_1fr] gap-x-4">
						<dt>{t('return.amount')}</dt>
						<dd>{toReturn.amount}</dd>
						<dt>{t('return.remaining')}</dt>
						<dd>{toReturn.remaining}</dd>
						<dt>{t('return.vs')}</dt>
						<dd>{toReturn.variableSymbol}</dd>
						{toReturn.iban ? (
							<>
								<dt>{t('return.account')}</dt>
								<dd className="break-all">{toReturn.iban}</dd>
							</>
						) : null}
						{toReturn.dueDate ? (
							<>
								<dt>{t('return.due')}</dt>
								<dd>{toReturn.dueDate}</dd>
							</>
						) : null}
					</dl>
					{toReturn.qrSvg ? (
						<figure className="mt-3 w-48 max-w-full">
							<div dangerouslySetInnerHTML={{ __html: toReturn.qrSvg }} />
							<figcaption className="text-sm">{t('return.qr')}</figcaption>
						</figure>
					) : null}
				</>
			)}
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
