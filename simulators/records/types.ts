export type RecordsTown = {
	slug: string
	/** Verifies the portal's webhooks (X-Portal-Signature). */
	webhookSecret: string
	/** Signs the status callbacks sent to callbackUrl. */
	callbackSecret: string
	/** The town's POST /api/records/status, e.g. http://veseli.localhost:3000/api/records/status */
	callbackUrl: string
	/** Host header for the callback when callbackUrl names an address rather than the town's host. */
	callbackHost?: string
	/** Prefix of reference numbers (čísla jednací); default MU + first three letters, e.g. MUVES. */
	referencePrefix?: string
	/** Shown on the pages; default the slug. */
	name?: string
}

export type CallbackStatus = 'delivered' | 'assigned' | 'in_progress' | 'needs_info' | 'resolved' | 'rejected'

export type SentCallback = {
	eventId: string
	url: string
	headers: Record<string, string>
	body: string
	/** HTTP status the portal answered, or null when it could not be reached. */
	responseStatus: number | null
	responseBody: string
	sentAt: Date
}

export type ReceivedDocument = {
	/** The simulator's document id (externalId for the portal). */
	id: string
	town: string
	submissionId: string
	referenceNumber: string
	receivedAt: Date
	/** Times the same Idempotency-Key arrived again (answered with the same reference number). */
	duplicates: number
	/** The JSON body as received. */
	payload: Record<string, unknown> & { number?: string; form?: { title?: string; code?: string; version?: number }; attachments?: unknown[] }
	status: CallbackStatus
	assignee?: { name: string; department?: string }
	callbacks: SentCallback[]
	/** The citizen's needs-info answers filed to this document, each once (by answerId). */
	answers: ReceivedAnswer[]
}

export type ReceivedAnswer = {
	answerId: string
	receivedAt: Date
	/** Times the same answer arrived again. */
	duplicates: number
	payload: Record<string, unknown> & { message?: string; attachments?: { fileName?: string; size?: number }[] }
}

export type StatusUpdateInput = {
	status: CallbackStatus
	assignee?: { name: string; department?: string }
	message?: string
	/** Reuse an event id to test the portal's deduplication; default a fresh uuid. */
	eventId?: string
}

export type RecordsSimulatorOptions = {
	port?: number
	host?: string
	towns: RecordsTown[]
	/** Accepted clock skew of X-Portal-Timestamp, seconds (default 300). */
	toleranceSeconds?: number
	force?: boolean
}

export type RecordsSimulator = {
	url: string
	/** Where town `slug` must send its webhooks. */
	webhookUrl: (slug: string) => string
	/** true: every webhook gets 503; { forRequests: n }: the next n webhooks get 503; false: back up. */
	setDown: (down: boolean | { forRequests: number }) => void
	/** Documents filed, oldest first (each submission once). */
	received: () => ReceivedDocument[]
	/** Webhook requests that arrived, including refused and duplicate ones. */
	attempts: () => { at: Date; town: string; idempotencyKey: string | null; status: number }[]
	/** Sends a signed status callback for a document (by its id or the portal's submission id). */
	sendStatus: (documentOrSubmissionId: string, update: StatusUpdateInput) => Promise<SentCallback>
	addTown: (town: RecordsTown) => void
	stop: () => Promise<void>
}
