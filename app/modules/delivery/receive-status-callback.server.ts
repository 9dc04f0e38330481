import type { TenantDb } from '../db/tenant-db.server'
import { applyStatusUpdate } from './apply-status-update.server'
import { resolveEnvSecret, getTownRecordsConfig } from './town-records-config.server'
import { StatusCallbackError, verifyStatusCallback } from './verify-status-callback.server'
import type { SecretRef } from '../tenancy/secret-ref-schema'

const MAX_BODY_BYTES = 64 * 1024

export type CallbackResponse = { status: number; body: { applied: boolean } | { error: string } }

/**
 * POST /api/records/status: verify the town's signature, then apply once. Every refusal changes
 * nothing and says why, so the records system's operator can fix their side.
 */
export async function receiveStatusCallback({
	db,
	townSlug,
	townOrigin,
	request,
	resolveSecret = resolveEnvSecret,
}: {
	db: TenantDb
	townSlug: string
	townOrigin: string
	request: Request
	resolveSecret?: (ref: SecretRef) => string
}): Promise<CallbackResponse> {
	const config = await getTownRecordsConfig(db)
	if (config?.kind !== 'webhook') return { status: 404, body: { error: 'this town receives no status callbacks' } }
	const length = Number(request.headers.get('content-length') ?? 0)
	if (length > MAX_BODY_BYTES) return { status: 413, body: { error: 'body too large' } }
	const body = await request.text()
	if (Buffer.byteLength(body) > MAX_BODY_BYTES) return { status: 413, body: { error: 'body too large' } }
	let update
	try {
		update = verifyStatusCallback(
			{ timestamp: request.headers.get('x-portal-timestamp'), signature: request.headers.get('x-portal-signature'), body },
			resolveSecret(config.callbackSecret),
		)
	} catch (error) {
		if (!(error instanceof StatusCallbackError)) throw error
		return { status: error.reason === 'malformed' ? 400 : 401, body: { error: error.message } }
	}
	const result = await applyStatusUpdate({ db, townSlug, townOrigin, update })
	switch (result.result) {
		case 'applied':
			return { status: 200, body: { applied: true } }
		case 'duplicate':
			return { status: 200, body: { applied: false } }
		case 'not_found':
			return { status: 404, body: { error: `no submission ${update.submissionId} at this town` } }
		case 'conflict':
			return { status: 409, body: { error: result.message } }
	}
}
