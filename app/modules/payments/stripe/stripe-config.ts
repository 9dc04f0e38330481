export type StripeConfig = {
	secretKey: string
	webhookSecret: string
	/** The simulator's base URL (http://127.0.0.1:port); absent = api.stripe.com. */
	apiUrl?: string
}
