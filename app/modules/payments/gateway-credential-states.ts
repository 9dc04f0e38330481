// A gateway credential's lifecycle (gateway_credential.status, CHECK gateway_credential_status): added,
// active (at most one per provider, a partial unique index), retired for good. Written only here.
import type { Prisma } from '../../generated/tenant/client'
import type { TransitionTable } from '../util/state-table'

export const GATEWAY_CREDENTIAL_STATES = ['added', 'active', 'retired'] as const
export type GatewayCredentialState = (typeof GATEWAY_CREDENTIAL_STATES)[number]

export const GATEWAY_CREDENTIAL_TRANSITIONS: TransitionTable<GatewayCredentialState> = {
	added: ['active', 'retired'],
	active: ['retired'],
	retired: [],
}

/** Retires the provider's active credential (if any); returns how many were retired (0 or 1). */
export function retireActiveGatewayCredential(
	tx: Pick<Prisma.TransactionClient, 'gatewayCredential'>,
	{ provider, at = new Date() }: { provider: string; at?: Date },
) {
	return tx.gatewayCredential.updateMany({
		where: { provider, status: 'active' satisfies GatewayCredentialState },
		data: { status: 'retired' satisfies GatewayCredentialState, retiredAt: at },
	})
}
