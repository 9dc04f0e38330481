export type { StripeConfig } from './stripe-config'
export { createStripeClient } from './create-stripe-client.server'
export { verifyStripeWebhook, StripeWebhookError, DEFAULT_WEBHOOK_TOLERANCE_SECONDS, type StripeWebhookFailure } from './verify-stripe-webhook.server'
export { ALLOWED_STRIPE_EVENTS, isAllowedStripeEvent, type AllowedStripeEvent } from './allowed-stripe-events'
