import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SubmitButton } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { resources } from '~/modules/i18n/resources.server'
import { importClaims } from '~/modules/claims/import-claims.server'
import { importObligations } from '~/modules/obligations/import-obligations.server'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { OBLIGATION_IMPORT_MAX_BYTES } from '~/modules/obligations/obligation-import-limit'

const MAX_BYTES = OBLIGATION_IMPORT_MAX_BYTES
const PREVIEW_ROWS = 50

export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.home')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'create', 'Obligation', { request, context })
	return { title: `${resources[page.locale]['fees-office'].import.title} – ${page.townName}` }
}

export const meta = titleMeta

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'create', 'Obligation', { request, context })
	const form = await request.formData()
	const file = form.get('file')
	// The preview carries the file's text back in a hidden field, so "Import" applies what was checked.
	const text = file instanceof File && file.size > 0 ? await file.text() : String(form.get('text') ?? '')
	if (!text || text.length > MAX_BYTES) return data({ fileError: text ? 'import.errors.tooLarge' : 'import.errors.noFile' } as const, { status: 400 })
	const apply = form.get('intent') === 'apply'
	const kind = form.get('kind') === 'claims' ? 'claims' : 'obligations'
	if (kind === 'claims') {
		await requirePermission(user, 'create', 'Claim', { request, context })
		const result = await importClaims({ db: user.db, tenantSlug: user.tenant.slug, text, apply, by: user.me.id, ...requestMeta(context) })
		const claimRows = result.rows
			.slice(0, PREVIEW_ROWS)
			.map((r) => ({ line: r.line, claimId: r.claim_id, residentId: r.resident_id, feeType: r.fee_type, year: r.year, amount: r.amount, dueDate: r.due_date }))
		return data(
			{
				kind,
				text: result.applied ? '' : text,
				applied: result.applied,
				total: result.rows.length,
				claimRows,
				errors: result.errors.slice(0, 200),
				errorCount: result.errors.length,
				claimSummary: { created: result.created, existing: result.existing },
			},
			{ status: result.errors.length ? 400 : 200 },
		)
	}
	const result = await importObligations({ db: user.db, text, apply, by: user.me.id, ...requestMeta(context) })
	return data(
		{
			kind,
			text: result.applied ? '' : text,
			applied: result.applied,
			total: result.rows.length,
			rows: result.rows.slice(0, PREVIEW_ROWS),
			errors: result.errors.slice(0, 200),
			errorCount: result.errors.length,
			summary: { residentsCreated: result.residentsCreated, obligationsCreated: result.obligationsCreated, obligationsUpdated: result.obligationsUpdated },
		},
		{ status: result.errors.length ? 400 : 200 },
	)
}

export const handle = { i18n: ['office', 'fees-office'] }

export default function ImportObligationsPage() {
	const result = useActionData<typeof action>()
	const [params] = useSearchParams()
	const kind = result && 'kind' in result ? result.kind : params.get('druh') === 'claims' ? 'claims' : 'obligations'
	const { t } = useTranslation('fees-office')
	const checked = result && 'errorCount' in result ? result : null
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
			<h1 className="mb-4 text-3xl font-bold">{t('import.title')}</h1>
			<p className="mb-2">{t('import.intro')}</p>
			<p className="mb-6">
				<code>
					{kind === 'claims'
						? 'claim_id;resident_id;fee_type;year;amount;due_date'
						: 'obligation_id;resident_id;given_name;family_name;date_of_birth;disability;fee_type;valid_from;valid_to;dog_name;dog_chip;amount'}
				</code>
			</p>
			<div role="alert" id="import-status">
				{result && 'fileError' in result ? (
					<p className="mb-4 rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900">{t(result.fileError)}</p>
				) : null}
				{checked?.applied ? (
					<p className="mb-4 rounded-town border-2 border-green-800 bg-green-50 p-3 font-medium">
						{'claimSummary' in checked ? t('import.appliedClaims', checked.claimSummary) : t('import.applied', checked.summary)}
					</p>
				) : null}
				{checked && checked.errorCount > 0 ? (
					<div className="mb-4 rounded-town border-2 border-red-800 bg-red-50 p-3 text-red-900">
						<p className="font-medium">{t('import.invalid', { count: checked.errorCount })}</p>
						<ul className="list-disc pl-6">
							{checked.errors.map((e, index) => (
								<li key={`${e.line}:${e.column}:${index}`}>
									{t('import.rowError', { line: e.line, column: e.column || '—', message: t(`import.codes.${e.code}`) })}
								</li>
							))}
						</ul>
					</div>
				) : null}
			</div>
			<Form method="post" encType="multipart/form-data" className="mb-8 flex flex-wrap items-end gap-3">
				<label>
					<span className="mb-1 block font-medium">{t('import.kind')}</span>
					<select name="kind" defaultValue={kind} className="rounded-town border px-2 py-1">
						<option value="obligations">{t('import.kinds.obligations')}</option>
						<option value="claims">{t('import.kinds.claims')}</option>
					</select>
				</label>
				<label>
					<span className="mb-1 block font-medium">{t('import.file')}</span>
					<input type="file" name="file" accept=".csv,text/csv" required />
				</label>
				<SubmitButton name="intent" value="preview">
					{t('import.preview')}
				</SubmitButton>
			</Form>
			{checked && !checked.applied && checked.errorCount === 0 ? (
				<section aria-labelledby="preview-heading">
					<h2 id="preview-heading" className="mb-3 text-xl font-semibold">
						{t('import.previewHeading', { count: checked.total })}
					</h2>
					{'claimRows' in checked ? (
						<table className="mb-4 w-full text-left text-sm">
							<thead>
								<tr>
									<th scope="col">{t('import.columns.line')}</th>
									<th scope="col">{t('import.claimColumns.claim')}</th>
									<th scope="col">{t('import.claimColumns.resident')}</th>
									<th scope="col">{t('import.claimColumns.feeType')}</th>
									<th scope="col">{t('import.claimColumns.year')}</th>
									<th scope="col">{t('import.claimColumns.amount')}</th>
									<th scope="col">{t('import.claimColumns.dueDate')}</th>
								</tr>
							</thead>
							<tbody>
								{checked.claimRows.map((row) => (
									<tr key={row.line}>
										<td>{row.line}</td>
										<td>{row.claimId}</td>
										<td>{row.residentId}</td>
										<td>{row.feeType}</td>
										<td>{row.year}</td>
										<td>{row.amount} Kč</td>
										<td>{row.dueDate}</td>
									</tr>
								))}
							</tbody>
						</table>
					) : (
						<table className="mb-4 w-full text-left text-sm">
							<thead>
								<tr>
									<th scope="col">{t('import.columns.line')}</th>
									<th scope="col">{t('import.columns.resident')}</th>
									<th scope="col">{t('import.columns.feeType')}</th>
									<th scope="col">{t('import.columns.validity')}</th>
								</tr>
							</thead>
							<tbody>
								{checked.rows.map((row) => (
									<tr key={row.line}>
										<td>{row.line}</td>
										<td>
											{row.given_name} {row.family_name} ({row.resident_id})
										</td>
										<td>{row.fee_type}</td>
										<td>
											{row.valid_from} – {row.valid_to ?? ''}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					)}
					<Form method="post" encType="multipart/form-data">
						<input type="hidden" name="text" value={checked.text} />
						<input type="hidden" name="kind" value={kind} />
						<SubmitButton name="intent" value="apply">
							{t('import.apply', { count: checked.total })}
						</SubmitButton>
					</Form>
				</section>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
