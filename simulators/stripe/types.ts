// Shapes the simulator keeps and serves. Field names follow Stripe's API objects (snake_case on the wire).

export interface StripeSimulatorAccount {
	/** sk_test_… the SDK authenticates with (Bearer). */
	secretKey: string
	/** whsec_… the webhooks of this account are signed with. */
	webhookSecret: string
	/** Where this account's events are POSTed; without it events are recorded but not sent. */
	webhookUrl?: string
}

export interface StripeSimulatorOptions {
	port?: number
	host?: string
	/** The base URL browsers use to reach the hosted page (defaults to http://host:port). */
	publicUrl?: string
	accounts: StripeSimulatorAccount[]
	/** Waits before each webhook retry; Stripe backs off over days, tests want milliseconds. */
	retryDelaysMs?: number[]
	/** Refuses NODE_ENV=production unless set. */
	force?: boolean
}

export type StripeObject = { id: string; object: string; [field: string]: unknown }

export interface LoggedRequest {
	at: Date
	method: string
	path: string
	/** Last 4 characters of the key only: the log may end up in test output. */
	keySuffix?: string
	idempotencyKey?: string
	body: unknown
	status: number
}

export interface WebhookDelivery {
	at: Date
	eventId: string
	eventType: string
	url: string
	attempt: number
	/** HTTP status, or undefined when the receiver could not be reached. */
	status?: number
	error?: string
}

export interface StripeSimulator {
	url: string
	/** `new Stripe(key, simulator.sdkOptions)` points the official SDK here. */
	sdkOptions: { host: string; port: number; protocol: 'http' }
	stop(): Promise<void>
	/** Adds an account after start (the demo registers its towns once the database is ready). */
	addAccount(account: StripeSimulatorAccount): void
	setWebhookUrl(secretKey: string, url: string | undefined): void
	/** Every API call, in order. */
	requests: LoggedRequest[]
	/** Every webhook attempt, in order. */
	deliveries: WebhookDelivery[]
	/** Every event created, per account, newest last. */
	events(secretKey: string): StripeObject[]
	/** Sends a stored event again (as the Dashboard's "Resend" does). */
	resendEvent(eventId: string): Promise<void>
	/** Sends the same event twice at once: Stripe does not promise exactly-once delivery. */
	sendDuplicate(eventId: string): Promise<void>
	/** Holds every webhook this long before its first attempt. */
	setWebhookDelay(ms: number): void
	/** While on, API calls are accepted but never answered (the SDK's timeout fires). */
	setApiHang(on: boolean): void
	/** Resolves when no webhook is being sent or waiting for a retry. */
	settleWebhooks(): Promise<void>
	/** Lets the clock pass a session's expires_at (the next read expires it and sends checkout.session.expired). */
	expireSessionNow(sessionId: string): void
}
