import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { getMyPayment } from '~/modules/payments/get-my-payment.server'
import { renderPaymentReceiptPdf } from '~/modules/payments/render-payment-receipt-pdf.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'

// The citizen's receipt (potvrzení o platbě) for one of their own paid payments, as PDF.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const profile = await requireTownProfile(context)
	const locale = await getRequestLocale(request, profile)
	const payment = await getMyPayment({ db: user.db, ability: user.ability, paymentId: params.paymentId ?? '' })
	if (!payment || !['paid', 'partially_refunded', 'refunded'].includes(payment.state)) throw data(null, { status: 404 })
	const pdf = await renderPaymentReceiptPdf({ locale, townName: profile.name, payment })
	return new Response(new Uint8Array(pdf), {
		headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="potvrzeni-platby-${payment.id.slice(0, 8)}.pdf"`, 'Cache-Control': 'no-store' },
	})
}
