import net from 'node:net'

function isPortFree(port: number) {
	return new Promise<boolean>((resolve) => {
		const probe = net.createServer()
		probe.once('error', () => resolve(false))
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
	})
}

/** The port a demo simulator listens on: the env override or the preferred fixed port, else any free one (0). */
export async function demoPort(envName: string, preferred: number) {
	const wanted = Number(process.env[envName]) || preferred
	return (await isPortFree(wanted)) ? wanted : 0
}
