// Where a town's SMS client may send its login (issue 15), the same rule as the card gateways'
// (gateway-api-url.server.ts, decision 014): SMSbrána's two official endpoints, or a simulator on
// this machine while the demo or the tests allow simulators.
import { AppError } from '../errors/app-error'
import { areGatewaySimulatorsAllowed } from '../payments/gateway-api-url.server'

export const OFFICIAL_SMS_API_URLS = ['https://api.smsbrana.cz/smsconnect/http.php', 'https://api-backup.smsbrana.cz/smsconnect/http.php'] as const

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

export function isAllowedSmsApiUrl(apiUrl: string) {
	let url: URL
	try {
		url = new URL(apiUrl)
	} catch {
		return false
	}
	if (url.username || url.password || url.search || url.hash) return false
	if ((OFFICIAL_SMS_API_URLS as readonly string[]).includes(`${url.origin}${url.pathname}`)) return true
	return areGatewaySimulatorsAllowed() && (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname)
}

export function assertAllowedSmsApiUrl(apiUrl: string) {
	if (!isAllowedSmsApiUrl(apiUrl)) throw new AppError('gateway_url_refused', 'This SMS API URL is not allowed', [apiUrl])
}
