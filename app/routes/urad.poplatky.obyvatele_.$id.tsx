import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { SubmitButton } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { asSubject } from '~/modules/access/ability.server'
import { isAppError } from '~/modules/errors/app-error'
import { resources } from '~/modules/i18n/resources.server'
import { AddObligationSchema, addObligation, endObligation } from '~/modules/obligations/change-obligation.server'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { formatDate } from '~/modules/i18n/format'
import { loadFeeNames } from '~/modules/fees/fee-names.server'
import { findResidentWithObligations } from '~/modules/residents/list-residents.server'

const blank = (v: unknown) => (v === '' ? undefined : v)
const ActionSchema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('add'),
		feeType: z.string().min(1),
		validFrom: z.string(),
		dogName: z.preprocess(blank, z.string().optional()),
		dogChip: z.preprocess(blank, z.string().optional()),
		amount: z.preprocess(blank, z.string().optional()),
	}),
	z.object({ intent: z.literal('end'), obligationId: z.uuid(), validTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
])

async function loadResident(request: Request, context: LoaderFunctionArgs['context'], id: string | undefined, action: 'read' | 'update') {
	const user = await requireOfficeStaff(request, context)
	const resident = await findResidentWithObligations({ db: user.db, id })
	if (!resident) throw new Response('Not found', { status: 404 })
	await requirePermission(user, action, asSubject('Resident', resident), { request, context, label: `Resident:${resident.id}` })
	return { user, resident }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.home')
	const { user, resident } = await loadResident(request, context, params.id, 'read')
	const feeNames = await loadFeeNames(user.db, page.locale)
	return {
		title: `${resident.givenName} ${resident.familyName} – ${resources[page.locale]['fees-office'].residents.title} – ${page.townName}`,
		canEdit: user.ability.can('create', 'Obligation'),
		name: `${resident.givenName} ${resident.familyName}`,
		born: formatDate(resident.dateOfBirth, page.locale),
		feeNames,
		obligations: resident.obligations.map((o) => ({
			id: o.id,
			feeType: o.feeType,
			validFrom: formatDate(o.validFrom, page.locale),
			validTo: o.validTo ? formatDate(o.validTo, page.locale) : null,
			attributes: o.attributes as Record<string, string | number>,
		})),
	}
}

export const meta = titleMeta

export async function action({ request, context, params }: ActionFunctionArgs) {
	const { user, resident } = await loadResident(request, context, params.id, 'read')
	await requirePermission(user, 'create', 'Obligation', { request, context })
	const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) return data({ error: 'invalid' }, { status: 400 })
	try {
		if (parsed.data.intent === 'add') {
			const input = AddObligationSchema.safeParse({ ...parsed.data, residentId: resident.id })
			if (!input.success) return data({ error: 'invalid' }, { status: 400 })
			await addObligation({ db: user.db, by: user.me.id, input: input.data, ...requestMeta(context) })
		} else {
			await endObligation({ db: user.db, by: user.me.id, obligationId: parsed.data.obligationId, validTo: parsed.data.validTo, ...requestMeta(context) })
		}
	} catch (error) {
		if (!isAppError(error, 'input_invalid')) throw error
		return data({ error: error.message }, { status: 400 })
	}
	return redirect(`/urad/poplatky/obyvatele/${resident.id}`)
}

export const handle = { i18n: ['office', 'fees-office'] }

export default function ResidentPage() {
	const { name, born, obligations, canEdit, feeNames } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('fees-office')
	const field = 'rounded-town border px-2 py-1'
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<p className="mb-2">
				<Link to="/urad/poplatky/obyvatele">{t('residents.back')}</Link>
			</p>
			<h1 className="mb-2 text-3xl font-bold">{name}</h1>
			<p className="mb-6">
				{t('residents.born')}: {born}
			</p>
			<div role="alert">
				{actionData ? (
					<p className="mb-4 rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900">
						{t(`residents.errors.${actionData.error}`, t('residents.errors.invalid'))}
					</p>
				) : null}
			</div>
			<h2 className="mb-2 text-xl font-semibold">{t('residents.endHeading')}</h2>
			<ul className="mb-8 space-y-2">
				{obligations.map((o) => (
					<li key={o.id} className="rounded-town border p-2">
						<p>
							{feeNames[o.feeType] ?? o.feeType}: {o.validFrom} – {o.validTo ?? t('residents.open')} {Object.values(o.attributes).join(', ')}
						</p>
						{canEdit && !o.validTo ? (
							<Form method="post" className="mt-1 flex flex-wrap items-end gap-2">
								<input type="hidden" name="obligationId" value={o.id} />
								<label>
									<span className="block text-sm">{t('residents.validTo')}</span>
									<input type="date" name="validTo" required className={field} />
								</label>
								<SubmitButton name="intent" value="end" variant="secondary">
									{t('residents.end')}
								</SubmitButton>
							</Form>
						) : null}
					</li>
				))}
			</ul>
			{canEdit ? (
				<Form method="post" className="grid gap-3 rounded-town border p-4">
					<h2 className="text-xl font-semibold">{t('residents.add')}</h2>
					<label>
						<span className="block text-sm font-medium">{t('residents.feeType')}</span>
						<select name="feeType" required className={field}>
							{Object.entries(feeNames).map(([code, feeName]) => (
								<option key={code} value={code}>
									{feeName}
								</option>
							))}
						</select>
					</label>
					<label>
						<span className="block text-sm font-medium">{t('residents.validFrom')}</span>
						<input type="date" name="validFrom" required className={field} />
					</label>
					<label>
						<span className="block text-sm font-medium">{t('residents.dogName')}</span>
						<input name="dogName" className={field} />
					</label>
					<label>
						<span className="block text-sm font-medium">{t('residents.dogChip')}</span>
						<input name="dogChip" inputMode="numeric" className={field} />
					</label>
					<label>
						<span className="block text-sm font-medium">{t('residents.amount')}</span>
						<input name="amount" inputMode="decimal" className={field} />
					</label>
					<div>
						<SubmitButton name="intent" value="add">
							{t('residents.add')}
						</SubmitButton>
					</div>
				</Form>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
