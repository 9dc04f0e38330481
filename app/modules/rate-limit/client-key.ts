import { isIPv4, isIPv6 } from 'node:net'

/**
 * Who a per-client limit counts: the IPv4 address, or the /64 network of an IPv6 address (one
 * household or server usually holds a whole /64, so counting single IPv6 addresses would let one
 * client rotate through billions of them). An IPv4-mapped IPv6 address counts as the IPv4 address.
 */
export function clientKeyOf(ip: string | null | undefined) {
	if (!ip) return 'unknown'
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
	if (mapped && isIPv4(mapped[1]!)) return mapped[1]!
	if (isIPv4(ip)) return ip
	if (!isIPv6(ip)) return 'unknown'
	return `${expandIPv6(ip.split('%')[0]!).slice(0, 4).join(':')}::/64`
}

function expandIPv6(ip: string) {
	const [head = '', tail] = ip.split('::')
	const left = head ? head.split(':') : []
	const right = tail ? tail.split(':') : []
	const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
	return groups.map((group) => (/^[0-9a-f]{1,4}$/i.test(group) ? group.toLowerCase().replace(/^0+(?=.)/, '') : '0'))
}
