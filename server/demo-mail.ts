import type { Logger } from 'pino'
import { setMailCatcher } from '../app/modules/mail/mail-catcher.server'
import { setSmtpUrl } from '../app/modules/mail/mail-transport.server'
import { startMailCapture, type MailCapture } from '../simulators/smtp/mail-capture'

const PREFERRED_PORT = 2525

/**
 * The demo's e-mail: a capture server (simulators/smtp) on 127.0.0.1:2525, or a free port when 2525
 * is taken; this process's mail goes there, and the platform host lists it at /platform/mail.
 * Nothing is delivered.
 */
export async function startDemoMail(logger: Logger) {
	let capture: MailCapture
	try {
		capture = await startMailCapture({ port: PREFERRED_PORT, allowInProduction: true })
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
		capture = await startMailCapture({ port: 0, allowInProduction: true })
	}
	setSmtpUrl(capture.url)
	setMailCatcher(capture)
	logger.info(`demo: e-mail goes to the capture server at ${capture.url} (nothing is delivered)`)
	return {
		url: capture.url,
		close: async () => {
			setMailCatcher(null)
			setSmtpUrl(null)
			await capture.close()
		},
	}
}
