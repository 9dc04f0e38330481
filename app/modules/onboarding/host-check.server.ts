// Step 2 of the wizard: the DNS record a town creates for each of its hosts, and whether the host
// already answers here. A *.localhost name always resolves to this machine (RFC 6761), so in the demo
// and in development it is verified at once; any other host is verified once its addresses include
// one of the platform host's (the record points at the portal).
import { lookup } from 'node:dns/promises'
import { getEnv } from '../env/env.server'

export type HostCheck = { host: string; record: { type: 'CNAME'; name: string; value: string }; verified: boolean }

async function addresses(host: string) {
	try {
		return (await lookup(host, { all: true })).map((entry) => entry.address)
	} catch {
		return []
	}
}

export async function checkHosts(hosts: string[]): Promise<HostCheck[]> {
	const platformHost = getEnv().PLATFORM_HOST.replace(/:\d+$/, '')
	const platform = new Set(hosts.some((host) => !host.endsWith('.localhost')) ? await addresses(platformHost) : [])
	return Promise.all(
		hosts.map(async (host) => ({
			host,
			record: { type: 'CNAME' as const, name: `${host}.`, value: `${platformHost}.` },
			verified: host === 'localhost' || host.endsWith('.localhost') || (await addresses(host)).some((address) => platform.has(address)),
		})),
	)
}
