import type { TenantDb } from '../db/tenant-db.server'
import { loadSmsClient } from './sms-credentials.server'
import { SmsError } from './sms-provider'
import { markSmsFailed, markSmsSent } from './sms-states'

export type DeliverSmsResult = { state: 'sent' | 'failed' | 'skipped'; providerMessageId?: string | null }

/**
 * Sends one queued text through the town's provider and stores the outcome (sms-states.ts). A
 * retryable failure throws so the queue tries again; on the last attempt, or when retrying cannot
 * help (wrong number, wrong login, no provider), the text is marked failed and counted as such.
 */
export async function deliverSms({
	db,
	smsMessageId,
	isLastAttempt,
	fetch: doFetch,
}: {
	db: TenantDb
	smsMessageId: string
	isLastAttempt: boolean
	fetch?: typeof fetch
}): Promise<DeliverSmsResult> {
	const row = await db.smsMessage.update({
		where: { id: smsMessageId },
		data: { attempts: { increment: 1 } },
		select: { state: true, phone: true, text: true },
	})
	if (row.state !== 'queued') return { state: 'skipped' }
	const provider = await loadSmsClient(db, doFetch ? { fetch: doFetch } : {})
	if (!provider) {
		await markSmsFailed(db, { id: smsMessageId, error: 'the town has no SMS provider' })
		return { state: 'failed' }
	}
	try {
		const result = await provider.client.send({ to: row.phone, text: row.text, reference: smsMessageId })
		await markSmsSent(db, { id: smsMessageId, provider: provider.provider, providerMessageId: result.providerMessageId, parts: result.parts })
		return { state: 'sent', providerMessageId: result.providerMessageId }
	} catch (error) {
		const retryable = error instanceof SmsError ? error.retryable : true
		const message = error instanceof Error ? error.message : String(error)
		if (retryable && !isLastAttempt) {
			await db.smsMessage.update({ where: { id: smsMessageId }, data: { error: message } })
			throw error
		}
		await markSmsFailed(db, { id: smsMessageId, error: message })
		return { state: 'failed' }
	}
}
