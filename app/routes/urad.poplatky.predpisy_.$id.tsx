import { instalmentText } from '~/modules/claims/instalment-text.server'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { SubmitButton } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { asSubject } from '~/modules/access/ability.server'
import { isClosable } from '~/modules/claims/claim-status'
import { closeClaim } from '~/modules/claims/close-claim.server'
import { findOfficeClaim, listClaimMovements } from '~/modules/claims/get-office-claim.server'
import { isAppError } from '~/modules/errors/app-error'
import { formatDate, formatDateTime } from '~/modules/i18n/format'
import { pickText } from '~/modules/i18n/locales'
import { resources } from '~/modules/i18n/resources.server'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { loadOfficeRecord } from '~/modules/staff/office-record.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { claimDebtorName } from '~/modules/claims/claim-debtor'

const CloseSchema = z.object({ intent: z.enum(['cancelled', 'written_off']), reason: z.string().trim().min(5).max(500) })

function loadClaim(request: Request, context: LoaderFunctionArgs['context'], id: string | undefined) {
	return loadOfficeRecord(request, context, { id, subject: 'Claim', find: (user, claimId) => findOfficeClaim({ db: user.db, id: claimId }) })
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.home')
	const { user, record: claim } = await loadClaim(request, context, params.id)
	const movements = user.ability.can('read', 'BankMovement') ? await listClaimMovements({ db: user.db, claimId: claim.id }) : []
	return {
		movements: movements.map((m) => ({ ...m, bookingDate: formatDate(m.bookingDate, page.locale) })),
		title: `${resources[page.locale]['fees-office'].detail.title} ${claim.variableSymbol} – ${page.townName}`,
		canClose: user.ability.can('update', asSubject('Claim', claim)) && isClosable(claim.status),
		claim: {
			id: claim.id,
			variableSymbol: claim.variableSymbol,
			feeType: pickText(claim.label, page.locale) || claim.feeType,
			year: claim.year,
			instalment: instalmentText(claim, page.locale),
			status: claim.status,
			amount: claim.amount,
			paidAmount: claim.paidAmount,
			dueDate: formatDate(claim.dueDate, page.locale),
			ruleVersion: claim.ruleVersion,
			name: claimDebtorName(claim),
			events: claim.events.map((e) => ({
				id: e.id,
				kind: e.kind,
				amount: e.amount,
				at: formatDateTime(e.at, page.locale),
				reason: (e.detail as { reason?: string }).reason ?? null,
			})),
		},
	}
}

export const meta = titleMeta

export async function action({ request, context, params }: ActionFunctionArgs) {
	const { user, record: claim } = await loadClaim(request, context, params.id)
	await requirePermission(user, 'update', asSubject('Claim', claim), { request, context, label: `Claim:${claim.id}` })
	const parsed = CloseSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) return data({ error: 'detail.errors.reason' }, { status: 400 })
	try {
		await closeClaim({ db: user.db, claimId: claim.id, kind: parsed.data.intent, reason: parsed.data.reason, by: user.me.id, ...requestMeta(context) })
	} catch (error) {
		if (!isAppError(error, 'input_invalid')) throw error
		return data({ error: 'detail.errors.notOpen' }, { status: 400 })
	}
	return redirect(`/urad/poplatky/predpisy/${claim.id}`)
}

export const handle = { i18n: ['office', 'fees-office'] }

export default function ClaimDetailPage() {
	const { claim, canClose, movements } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t, i18n } = useTranslation('fees-office')
	const money = (halere: number) => new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'CZK' }).format(halere / 100)
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<p className="mb-2">
				<Link to="/urad/poplatky/predpisy">{t('detail.back')}</Link>
			</p>
			<h1 className="mb-4 text-3xl font-bold">
				{t('detail.title')} {claim.variableSymbol}
			</h1>
			<dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
				<dt className="font-medium">{t('claims.name')}</dt>
				<dd>{claim.name}</dd>
				<dt className="font-medium">{t('claims.feeType')}</dt>
				<dd>
					{claim.feeType} {claim.year}
					{claim.instalment ? `, ${claim.instalment}` : ''}
				</dd>
				<dt className="font-medium">{t('claims.amount')}</dt>
				<dd>{money(claim.amount)}</dd>
				<dt className="font-medium">{t('claims.paid')}</dt>
				<dd>{money(claim.paidAmount)}</dd>
				<dt className="font-medium">{t('claims.due')}</dt>
				<dd>{claim.dueDate}</dd>
				<dt className="font-medium">{t('claims.status')}</dt>
				<dd>{claim.amount === 0 && claim.status !== 'cancelled' ? t('claims.statuses.exempt') : t(`claims.statuses.${claim.status}`)}</dd>
				<dt className="font-medium">{t('detail.ruleVersion')}</dt>
				<dd>{claim.ruleVersion ?? '—'}</dd>
			</dl>
			<h2 className="mb-2 text-xl font-semibold">{t('detail.history')}</h2>
			<ol className="mb-8 list-decimal pl-6">
				{claim.events.map((e) => (
					<li key={e.id}>
						{e.at}: {t(`detail.events.${e.kind}`)}
						{e.amount !== null ? ` (${money(e.amount)})` : ''}
						{e.reason ? ` – ${e.reason}` : ''}
					</li>
				))}
			</ol>
			{movements.length ? (
				<section aria-labelledby="movements-heading" className="mb-8">
					<h2 id="movements-heading" className="mb-2 text-xl font-semibold">
						{t('detail.bankPayments')}
					</h2>
					<ul className="list-disc pl-6">
						{movements.map((m) => (
							<li key={m.id}>
								<Link to={`/urad/banka/pohyb/${m.id}`}>{t('detail.bankPayment', { date: m.bookingDate, amount: money(m.amount) })}</Link>
								{m.overpaid > 0 ? ` – ${t('detail.bankOverpaid', { amount: money(m.overpaid) })}` : ''}
							</li>
						))}
					</ul>
				</section>
			) : null}
			{canClose ? (
				<Form method="post" className="rounded-town border p-4">
					<h2 className="mb-2 text-xl font-semibold">{t('detail.closeHeading')}</h2>
					<div role="alert">{actionData ? <p className="mb-2 font-medium text-red-900">{t(actionData.error)}</p> : null}</div>
					<label className="mb-3 block">
						<span className="mb-1 block font-medium">{t('detail.reason')}</span>
						<textarea name="reason" required minLength={5} maxLength={500} rows={3} className="w-full rounded-town border p-2" />
					</label>
					<div className="flex flex-wrap gap-3">
						<SubmitButton name="intent" value="cancelled" variant="secondary">
							{t('detail.cancel')}
						</SubmitButton>
						<SubmitButton name="intent" value="written_off" variant="secondary">
							{t('detail.writeOff')}
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
