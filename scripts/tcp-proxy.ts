// A TCP proxy in front of Postgres for outage tests: switched off it refuses new connections and
// cuts the open ones (as a crashed or restarted database does); switched on again it forwards on the
// same port; with a delay it makes every round trip slow. It also records how each client
// connection ended, so a test can tell a clean pool shutdown (protocol Terminate) from a cut.
import net from 'node:net'

// The frontend Terminate message: 'X' and an int32 length of 4.
const TERMINATE = Buffer.from([0x58, 0, 0, 0, 4])

export type ProxiedConnection = {
	/** Which on() period the connection was accepted in (1 for the first). */
	generation: number
	closed: boolean
	/** The client's last message before it closed was Terminate: it hung up politely. */
	terminatedByClient: boolean
}

export class TcpProxy {
	port = 0
	generation = 0
	readonly connections: ProxiedConnection[] = []
	private server?: net.Server
	private readonly sockets = new Set<net.Socket>()
	private delayMs = 0

	constructor(private readonly target: { host: string; port: number }) {}

	get isOn() {
		return Boolean(this.server)
	}

	/** Starts forwarding; on the same port as before when it had one. */
	async on() {
		if (this.server) return
		const server = net.createServer((client) => this.accept(client))
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject)
			server.listen(this.port, '127.0.0.1', () => {
				server.off('error', reject)
				resolve()
			})
		})
		this.port = (server.address() as net.AddressInfo).port
		this.server = server
		this.generation += 1
	}

	/** Refuses new connections and cuts every open one. */
	async off() {
		const server = this.server
		this.server = undefined
		for (const socket of this.sockets) socket.destroy()
		this.sockets.clear()
		if (server) await new Promise<void>((resolve) => server.close(() => resolve()))
	}

	/** Holds every chunk, in both directions, this long before passing it on. */
	setDelay(ms: number) {
		this.delayMs = ms
	}

	openConnections() {
		return this.connections.filter((connection) => !connection.closed)
	}

	private accept(client: net.Socket) {
		const record: ProxiedConnection = { generation: this.generation, closed: false, terminatedByClient: false }
		this.connections.push(record)
		const upstream = net.connect(this.target.port, this.target.host)
		this.sockets.add(client)
		this.sockets.add(upstream)
		let tail = Buffer.alloc(0)
		this.forward(client, upstream, (chunk) => {
			tail = Buffer.concat([tail, chunk]).subarray(-TERMINATE.length)
		})
		this.forward(upstream, client)
		client.on('close', () => {
			record.closed = true
			record.terminatedByClient = tail.equals(TERMINATE)
			this.sockets.delete(client)
		})
		upstream.on('close', () => this.sockets.delete(upstream))
	}

	private forward(from: net.Socket, to: net.Socket, observe?: (chunk: Buffer) => void) {
		// Chunks keep their order even when the delay changes: each leaves no earlier than the one before.
		let releaseAt = 0
		const later = (action: () => void) => {
			releaseAt = Math.max(Date.now() + this.delayMs, releaseAt)
			const wait = releaseAt - Date.now()
			if (wait <= 0) action()
			else setTimeout(action, wait)
		}
		from.on('data', (chunk: Buffer) => {
			observe?.(chunk)
			later(() => {
				if (!to.destroyed) to.write(chunk)
			})
		})
		let ended = false
		from.on('end', () => {
			ended = true
			later(() => to.end())
		})
		from.on('error', () => {})
		// A cut (not a clean end) is passed on as a cut.
		from.on('close', () => {
			if (!ended) later(() => to.destroy())
		})
	}
}

export async function startTcpProxy(target: { host: string; port: number }, { on = true } = {}) {
	const proxy = new TcpProxy(target)
	await proxy.on()
	if (!on) await proxy.off()
	return proxy
}
