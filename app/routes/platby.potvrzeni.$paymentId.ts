import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { getMyPayment } from '~/modules/payments/get-my-payment.server'
import { paymentReceiptPdf } from '~/modules/payments/render-payment-receipt-pdf.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'

// The citizen's receipt (potvrzení o platbě) for one of their own paid payments, as PDF.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const profile = await requireTownProfile(context)
	const locale = await getRequestLocale(request, profile)
	const payment = await getMyPayment({ db: user.db, ability: user.ability, paymentId: params.paymentId ?? '' })
	if (!payment || !['paid', 'partially_refunded', 'refunded'].includes(payment.state)) throw data(null, { status: 404 })
	const { receiptNumber, pdf } = await paymentReceiptPdf({ db: user.db, townSlug: user.tenant.slug, profile, locale, payment })
	return new Response(new Uint8Array(pdf), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="potvrzeni-platby-${receiptNumber}.pdf"`,
			'Cache-Control': 'no-store',
		},
	})
}
