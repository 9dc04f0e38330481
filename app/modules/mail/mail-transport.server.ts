import { createTransport, type Transporter } from 'nodemailer'
import { getEnv } from '../env/env.server'
import { AppError } from '../errors/app-error'
import { singleton } from '../util/singleton.server'

const state = singleton('mail-transport', () => ({ overrideUrl: undefined as string | undefined, transports: new Map<string, Transporter>() }))

/**
 * Sends this process's e-mail to another SMTP server than SMTP_URL: the demo's and the tests'
 * capture server (simulators/smtp). null goes back to SMTP_URL.
 */
export function setSmtpUrl(url: string | null) {
	state.overrideUrl = url ?? undefined
}

/** The nodemailer transport for the configured SMTP server (one per URL, reused). */
export function getMailTransport(): Transporter {
	const url = state.overrideUrl ?? getEnv().SMTP_URL
	if (!url) {
		throw new AppError(
			'mail_not_configured',
			'E-mail cannot be sent: SMTP_URL is not set for the process that runs jobs (e.g. SMTP_URL=smtp://relay.example:587)',
		)
	}
	let transport = state.transports.get(url)
	if (!transport) {
		// A relay that hangs must not hold a job until it expires.
		transport = createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
		state.transports.set(url, transport)
	}
	return transport
}
