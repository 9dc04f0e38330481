// The SMS provider interface (issue 15), like the card gateways': one client per provider, chosen
// by the town's active credential. Today one provider, SMSbrána (docs/sms-gateway.md).
export const SMS_PROVIDERS = ['smsbrana'] as const
export type SmsProviderName = (typeof SMS_PROVIDERS)[number]

export type SendSmsInput = {
	/** E.164, e.g. +420777123456. */
	to: string
	/** Already GSM-7 and within the length limit (prepareSmsText). */
	text: string
	/** Our id of the message: the provider refuses a second text with it (no double send on retry). */
	reference: string
}

export type SendSmsResult = { providerMessageId: string | null; parts: number; isDuplicate: boolean }

export interface SmsClient {
	send(input: SendSmsInput): Promise<SendSmsResult>
}

/** A failed send; `retryable` says whether trying again later may help (network, credit, clock). */
export class SmsError extends Error {
	readonly code: string
	readonly retryable: boolean
	constructor(message: string, { code, retryable, cause }: { code: string; retryable: boolean; cause?: unknown }) {
		super(message, { cause })
		this.name = 'SmsError'
		this.code = code
		this.retryable = retryable
	}
}
