// /readyz turns 200 once the platform schema is migrated, but with --demo the demo towns are applied
// just after that. Wait until both demo towns answer, so no test meets a half-seeded server.
import { request } from '@playwright/test'
import { SERVER_ORIGIN, hosts } from './urls'

export default async function waitForDemoTowns() {
	const api = await request.newContext()
	const deadline = Date.now() + 30_000
	try {
		for (const host of [hosts.veseli, hosts.znojmo]) {
			for (;;) {
				const response = await api.get(`${SERVER_ORIGIN}/`, { headers: { host }, maxRedirects: 0 }).catch(() => null)
				if (response?.status() === 200) break
				if (Date.now() > deadline) {
					throw new Error(`demo town ${host} is not served after 30 s (last status ${response?.status() ?? 'none'}); see the webServer output`)
				}
				await new Promise((resolve) => setTimeout(resolve, 200))
			}
		}
	} finally {
		await api.dispose()
	}
}
