import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Notice, SubmitButton } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { asSubject } from '~/modules/access/ability.server'
import { formatMoney, formatDateTime } from '~/modules/i18n/format'
import { resources } from '~/modules/i18n/resources.server'
import { RefundError, refundPayment } from '~/modules/payments/refund-payment.server'
import { getOfficePayment } from '~/modules/payments/get-office-payment.server'
import { isCardProvider } from '~/modules/payments/providers/payment-provider'
import { loadOfficeRecord } from '~/modules/staff/office-record.server'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { requirePermission } from '~/modules/staff/require-permission.server'

// Amount in CZK as typed by a clerk ("150", "150,50", "150.5"): at most two decimals, turned into haléře.
const RefundSchema = z.object({
	amount: z
		.string()
		.trim()
		.regex(/^\d{1,9}([.,]\d{1,2})?$/, 'amount_invalid')
		.transform((v) => Math.round(Number(v.replace(',', '.')) * 100)),
	reason: z.string().trim().min(1, 'reason_missing').max(500),
})

function loadPayment(request: Request, context: LoaderFunctionArgs['context'], id: string | undefined) {
	return loadOfficeRecord(request, context, {
		id,
		subject: 'Payment',
		find: (user, paymentId) => getOfficePayment({ db: user.db, id: paymentId }),
		subjectOf: (found) => found.payment,
	})
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.home')
	const { user, record } = await loadPayment(request, context, params.id)
	const { payment, refunds, counterAccounts } = record
	const money = (amount: number) => formatMoney(amount, page.locale)
	return {
		title: `${resources[page.locale]['card-payments'].office.detail} – ${page.townName}`,
		canRefund: user.ability.can('manage', asSubject('Payment', payment)) && refunds.canStart,
		byGateway: isCardProvider(payment.method),
		refundable: money(refunds.refundable),
		toRefund: refunds.toRefund > 0 ? { text: money(refunds.toRefund), value: (refunds.toRefund / 100).toFixed(2).replace('.', ',') } : null,
		counterAccounts,
		payment: {
			id: payment.id,
			method: payment.method,
			state: payment.state,
			amount: money(payment.amount),
			paid: money(payment.paidAmount),
			refunded: money(payment.refundedAmount),
			providerPaymentId: payment.providerPaymentId,
			createdAt: formatDateTime(payment.createdAt, page.locale),
			payer: payment.person ? `${payment.person.givenName} ${payment.person.familyName}` : '—',
			items: payment.items.map((i) => ({
				claimId: i.claimId,
				variableSymbol: i.claim.variableSymbol,
				amount: money(i.amount),
				discount: i.discount ? money(i.discount) : '—',
			})),
			transitions: payment.transitions.map((t) => ({ id: t.id, from: t.fromState, to: t.toState, source: t.source, at: formatDateTime(t.at, page.locale) })),
			refunds: payment.refunds.map((r) => ({
				id: r.id,
				amount: money(r.amount),
				reason: r.reason,
				state: r.state,
				at: formatDateTime(r.createdAt, page.locale),
			})),
		},
	}
}

export const meta = titleMeta

export async function action({ request, context, params }: ActionFunctionArgs) {
	const {
		user,
		record: { payment },
	} = await loadPayment(request, context, params.id)
	await requirePermission(user, 'manage', asSubject('Payment', payment), { request, context, label: `Payment:${payment.id}` })
	const parsed = RefundSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) return data({ error: (parsed.error.issues[0]?.message ?? 'amount_invalid') as RefundError['reason'] }, { status: 400 })
	try {
		await refundPayment({
			db: user.db,
			ability: user.ability,
			paymentId: payment.id,
			amount: parsed.data.amount,
			reason: parsed.data.reason,
			staffId: user.me.id,
			meta: requestMeta(context),
		})
	} catch (error) {
		if (!(error instanceof RefundError)) throw error
		return data({ error: error.reason }, { status: error.reason === 'gateway_unavailable' ? 503 : 400 })
	}
	return redirect(`/urad/platby/${payment.id}?vraceno=${parsed.data.amount}`)
}

export const handle = { i18n: ['office', 'card-payments'] }

export default function PaymentDetailPage() {
	const { payment, canRefund, refundable, toRefund, byGateway, counterAccounts } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [search] = useSearchParams()
	const { t, i18n } = useTranslation('card-payments')
	const refunded = Number(search.get('vraceno'))
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<h1 className="mb-4 text-3xl font-bold">{t('office.detail')}</h1>
			{refunded > 0 ? (
				<Notice>
					{t('office.refund.done', { amount: new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'CZK' }).format(refunded / 100) })}
				</Notice>
			) : null}
			<dl className="mb-6 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
				<dt className="font-semibold">{t('office.payer')}</dt>
				<dd>{payment.payer}</dd>
				<dt className="font-semibold">{t('office.provider')}</dt>
				<dd>
					{t(`office.methods.${payment.method}`)} {payment.providerPaymentId ? `(${payment.providerPaymentId})` : ''}
				</dd>
				<dt className="font-semibold">{t('office.state')}</dt>
				<dd>{t(`office.states.${payment.state}`)}</dd>
				<dt className="font-semibold">{t('office.amount')}</dt>
				<dd>{payment.amount}</dd>
				<dt className="font-semibold">{t('office.paid')}</dt>
				<dd>{payment.paid}</dd>
				<dt className="font-semibold">{t('office.refunded')}</dt>
				<dd>{payment.refunded}</dd>
				{toRefund ? (
					<>
						<dt className="font-semibold">{t('office.states.to_refund')}</dt>
						<dd data-testid="to-refund">{toRefund.text}</dd>
					</>
				) : null}
			</dl>
			<h2 id="payment-claims" className="mb-2 text-xl font-semibold">
				{t('office.claims')}
			</h2>
			{/* The discount and the amount credited each in its own column (issue 19). */}
			<div className="mb-6 overflow-x-auto">
				<table aria-labelledby="payment-claims" className="w-full border-collapse text-left">
					<thead>
						<tr>
							<th scope="col">{t('office.vs')}</th>
							<th scope="col" className="text-right">
								{t('receipt.discount')}
							</th>
							<th scope="col" className="text-right">
								{t('receipt.amount')}
							</th>
						</tr>
					</thead>
					<tbody>
						{payment.items.map((item) => (
							<tr key={item.claimId}>
								<td>
									<Link to={`/urad/poplatky/predpisy/${item.claimId}`}>{item.variableSymbol}</Link>
								</td>
								<td className="text-right">{item.discount}</td>
								<td className="text-right">{item.amount}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			<h2 className="mb-2 text-xl font-semibold">{t('office.transitions')}</h2>
			<ol className="mb-6 list-decimal pl-6">
				{payment.transitions.map((tr) => (
					<li key={tr.id}>
						{tr.at}: {tr.from ? t(`office.states.${tr.from}`) : '—'} → {t(`office.states.${tr.to}`)} ({t(`office.sources.${tr.source}`)})
					</li>
				))}
			</ol>
			<h2 className="mb-2 text-xl font-semibold">{t('office.refunds')}</h2>
			{payment.refunds.length ? (
				<ul className="mb-6 list-disc pl-6">
					{payment.refunds.map((r) => (
						<li key={r.id}>
							{r.at}: {r.amount}, {r.reason} ({t(`office.refundStates.${r.state}`)})
						</li>
					))}
				</ul>
			) : (
				<p className="mb-6">{t('office.noRefunds')}</p>
			)}
			{canRefund ? (
				<Form method="post" className="max-w-md" aria-labelledby="refund-heading">
					<h2 id="refund-heading" className="mb-2 text-xl font-semibold">
						{t('office.refund.title')}
					</h2>
					<p className="mb-2">{t('office.refundable', { amount: refundable })}</p>
					{byGateway ? null : <p className="mb-2">{t('office.refund.byBankOrder', { accounts: counterAccounts.join(', ') || '—' })}</p>}
					{actionData?.error ? (
						<p role="alert" id="refund-error" className="mb-2 font-semibold text-red-800">
							{t(`office.refund.errors.${actionData.error}`)}
						</p>
					) : null}
					<label className="mb-3 block">
						<span className="block font-medium">{t('office.refund.amount')}</span>
						<input
							name="amount"
							inputMode="decimal"
							required
							defaultValue={toRefund?.value ?? ''}
							aria-describedby={actionData?.error ? 'refund-error' : undefined}
							className="rounded-town border px-2 py-1"
						/>
					</label>
					<label className="mb-3 block">
						<span className="block font-medium">{t('office.refund.reason')}</span>
						<textarea name="reason" required maxLength={500} className="w-full rounded-town border px-2 py-1" />
					</label>
					<SubmitButton>{t(byGateway ? 'office.refund.submit' : 'office.refund.record')}</SubmitButton>
				</Form>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
