import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { getMyQrPayment } from '~/modules/payments/get-my-qr-payment.server'
import { renderQrPlatbaPng } from '~/modules/payments/qr/qr-image.server'

/** The QR Platba of the citizen's portal payment as a PNG download (same SPAYD as the page). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const payment = await getMyQrPayment({ db: user.db, ability: user.ability, paymentId: params.paymentId ?? '' })
	if (!payment) throw data(null, { status: 404 })
	// Paid or cancelled: no code to download (the page says why).
	if (!payment.qr) throw data(null, { status: 410 })
	const png = await renderQrPlatbaPng(payment.qr.spayd, { scale: 8 })
	return new Response(new Uint8Array(png), {
		headers: {
			'content-type': 'image/png',
			'content-disposition': `attachment; filename="qr-platba-${payment.variableSymbol}.png"`,
			'cache-control': 'private, no-store',
		},
	})
}
