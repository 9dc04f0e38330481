// Every card gateway's descriptor (gateway.ts), by provider id: what the one return route
// (platby.$provider.navrat.tsx) and the one notification route (api.payments.$provider.$endpoint.ts)
// dispatch on.
import { isCardProvider, type CardProvider } from '../providers/payment-provider'
import type { GatewayDescriptor } from './gateway'
import { goPayGateway } from './gopay-gateway.server'
import { stripeGateway } from './stripe-gateway.server'

const GATEWAYS = { gopay: goPayGateway, stripe: stripeGateway } as const satisfies Record<CardProvider, { id: CardProvider }>

/** The gateway named by a URL segment, or null for anything that is not one of ours. */
export function findGateway(id: string | undefined): GatewayDescriptor | null {
	return isCardProvider(id) ? (GATEWAYS[id] as unknown as GatewayDescriptor) : null
}
