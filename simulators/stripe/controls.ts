// Not Stripe: test controls over HTTP for when the simulator runs alone (main.ts), answering on loopback only.
// POST /_simulator/events/:id/resend, /_simulator/events/:id/duplicate,
// POST /_simulator/webhook-delay?ms=N, /_simulator/api-hang?on=true|false, GET /_simulator/requests, /_simulator/deliveries.
import express, { type Request } from 'express'
import type { StripeSimulator } from './types'

const isLoopback = (req: Request) => ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '')

export function createControls(simulator: () => StripeSimulator) {
	const router = express.Router()
	router.use((req, res, next) => (isLoopback(req) ? next() : res.status(403).json({ error: 'test controls answer only on loopback' })))
	const run = (action: (req: Request) => Promise<void> | void) => (req: Request, res: express.Response) => {
		Promise.resolve()
			.then(() => action(req))
			.then(
				() => res.status(204).end(),
				(error: unknown) => res.status(404).json({ error: error instanceof Error ? error.message : String(error) }),
			)
	}
	router.post(
		'/events/:id/resend',
		run((req) => simulator().resendEvent(req.params.id)),
	)
	router.post(
		'/events/:id/duplicate',
		run((req) => simulator().sendDuplicate(req.params.id)),
	)
	router.post(
		'/webhook-delay',
		run((req) => simulator().setWebhookDelay(Number(req.query.ms ?? 0))),
	)
	router.post(
		'/api-hang',
		run((req) => simulator().setApiHang(req.query.on === 'true')),
	)
	router.get('/requests', (_req, res) => res.json(simulator().requests))
	router.get('/deliveries', (_req, res) => res.json(simulator().deliveries))
	return router
}
