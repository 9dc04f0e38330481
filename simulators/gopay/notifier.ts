import { loopbackRequest } from '../loopback-request'

// Sends GoPay's GET notification_url?id=<id>, retrying on anything but 200 with growing delays.
export type NotifyOptions = {
	retryDelaysMs: number[]
	maxAttempts: number
	extraDelayMs: number
	duplicates: number
	log: (entry: { url: string; status: number }) => void
}

export function sendNotification(url: string, options: NotifyOptions): Promise<void> {
	return new Promise((resolve) => {
		let attempt = 0
		const tryOnce = async () => {
			attempt++
			const status = await loopbackRequest(url, { method: 'GET', timeoutMs: 5000 })
			options.log({ url, status })
			if (status === 200 || attempt >= options.maxAttempts) return resolve()
			const delays = options.retryDelaysMs
			setTimeout(tryOnce, delays[Math.min(attempt - 1, delays.length - 1)] ?? 1000)
		}
		setTimeout(tryOnce, options.extraDelayMs)
	})
}
