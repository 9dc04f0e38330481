import { data, redirect } from '@remix-run/node'
import { z } from 'zod'
import type { requireCitizen } from '../auth/current-user.server'
import { createOrReuseQrPayment, MAX_CLAIMS_PER_PAYMENT } from './qr-payment.server'
import { QrPaymentError } from './qr-payment-error'

/** The "pay by QR code" form: one or more `claim` fields with claim ids. */
export const QrPaymentFormSchema = z.object({
	intent: z.literal('qr'),
	claim: z.array(z.uuid()).min(1).max(MAX_CLAIMS_PER_PAYMENT),
})

type Citizen = Awaited<ReturnType<typeof requireCitizen>>

/**
 * The route side of the QR payment: validates the form, creates or reuses the payment and redirects to
 * its QR page. A claim the citizen may not read is a 404; anything else wrong is a 400 with an error
 * key of the `payments` namespace, and nothing is changed.
 */
export async function startQrPayment(user: Citizen, formData: FormData, locale: string) {
	const parsed = QrPaymentFormSchema.safeParse({ intent: formData.get('intent'), claim: formData.getAll('predpis') })
	if (!parsed.success) return data({ error: 'errors.selection' as const }, { status: 400 })
	try {
		const payment = await createOrReuseQrPayment({
			db: user.db,
			slug: user.tenant.slug,
			ability: user.ability,
			personId: user.actor.personId,
			claimIds: parsed.data.claim,
			locale,
		})
		return redirect(`/platby/qr/${payment.paymentId}`, 303)
	} catch (error) {
		if (!(error instanceof QrPaymentError)) throw error
		if (error.code === 'claim_not_found') throw data(null, { status: 404 })
		const key =
			error.code === 'claim_not_payable'
				? ('errors.notPayable' as const)
				: error.code === 'no_account'
					? ('errors.noAccount' as const)
					: ('errors.selection' as const)
		return data({ error: key }, { status: 400 })
	}
}
