// A minimal GINIS stub: the four GRest JSON operations the portal's GINIS connector calls
// (SSL Zalozit-pisemnost, Pridat-soubor, Detail-dokumentu; GIN Detail-funkcniho-mista), answered in the
// shape @bratislava/ginis-sdk reads ({ Xrg: {...} }). It checks the GRestHeader credentials and keeps
// documents in memory; a test moves a document on with setDocument().
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type GinisStubDocument = {
	id: string
	externalId: string
	vec: string
	state: string
	ownerFunctionId: string
	znacka: string
	files: { name: string; bond: string; size: number }[]
	changedAt: Date
}

export type GinisStub = {
	url: string
	urls: { ssl: string; gin: string }
	documents: () => GinisStubDocument[]
	setDocument: (id: string, change: Partial<Pick<GinisStubDocument, 'state' | 'ownerFunctionId' | 'znacka'>>) => void
	/** Functions (funkční místa) known to GIN: id -> clerk and department. */
	functions: Map<string, { referent: string; orj: string }>
	stop: () => Promise<void>
}

export async function startGinisStub({ username, password, port = 0 }: { username: string; password: string; port?: number }): Promise<GinisStub> {
	const documents: GinisStubDocument[] = []
	const functions = new Map<string, { referent: string; orj: string }>()
	let counter = 500

	const server = http.createServer(async (req, res) => {
		const chunks: Buffer[] = []
		for await (const chunk of req) chunks.push(chunk as Buffer)
		const send = (status: number, body: unknown) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body))
		let body: { GRestHeader?: { User?: string; Password?: string }; Xrg?: Record<string, Record<string, string>> }
		try {
			body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
		} catch {
			return send(400, { Fault: 'body is not JSON' })
		}
		if (req.method !== 'POST') return send(405, { Fault: 'POST only' })
		if (body.GRestHeader?.User !== username || body.GRestHeader?.Password !== password) return send(401, { Fault: 'bad credentials' })
		const operation = (req.url ?? '').replace(/^\/(ssl|gin)\/json\//, '')
		const args = body.Xrg?.[operation] ?? {}
		const find = (id: string | undefined) => documents.find((doc) => doc.id === id)
		switch (`${req.url}`) {
			case '/ssl/json/Zalozit-pisemnost': {
				const existing = documents.find((doc) => doc.externalId === args['Id-externi'])
				if (existing) return send(200, { Xrg: { 'Zalozit-pisemnost': [{ IdDokumentu: existing.id, Znacka: existing.znacka }] } })
				const doc: GinisStubDocument = {
					id: `GIN${randomUUID().slice(0, 8).toUpperCase()}`,
					externalId: args['Id-externi'] ?? '',
					vec: args.Vec ?? '',
					state: 'evidovan',
					ownerFunctionId: '',
					znacka: `MAGZ ${++counter}/${new Date().getFullYear()}`,
					files: [],
					changedAt: new Date(),
				}
				documents.push(doc)
				return send(200, { Xrg: { 'Zalozit-pisemnost': [{ IdDokumentu: doc.id, Znacka: doc.znacka }] } })
			}
			case '/ssl/json/Pridat-soubor': {
				const doc = find(args['Id-dokumentu'])
				if (!doc) return send(404, { Fault: 'no such document' })
				doc.files.push({ name: args['Jmeno-souboru'] ?? '', bond: args['Typ-vazby'] ?? '', size: Buffer.from(args.Data ?? '', 'base64').length })
				return send(200, { Xrg: { PridatSoubor: [{ DatumZmeny: new Date().toISOString(), IdSouboru: randomUUID(), VerzeSouboru: 1 }] } })
			}
			case '/ssl/json/Detail-dokumentu': {
				const doc = find(args['Id-dokumentu'])
				if (!doc) return send(404, { Fault: 'no such document' })
				return send(200, {
					Xrg: {
						WflDokument: [
							{
								IdDokumentu: doc.id,
								Vec: doc.vec,
								StavDokumentu: doc.state,
								IdFunkceVlastnika: doc.ownerFunctionId,
								Znacka: doc.znacka,
								DatumZmeny: doc.changedAt.toISOString(),
							},
						],
						CjDokumentu: { ZnackaCj: doc.znacka },
					},
				})
			}
			case '/gin/json/Detail-funkcniho-mista': {
				const place = functions.get(args['Id-funkce'] ?? '')
				if (!place) return send(404, { Fault: 'no such function' })
				return send(200, { Xrg: { DetailFunkcnihoMista: [{ IdFunkce: args['Id-funkce'], NazevReferenta: place.referent, NazevOrj: place.orj }] } })
			}
			default:
				return send(404, { Fault: `operation ${req.url} not simulated` })
		}
	})
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	return {
		url,
		urls: { ssl: `${url}/ssl`, gin: `${url}/gin` },
		documents: () => [...documents],
		setDocument: (id, change) => {
			const doc = documents.find((d) => d.id === id)
			if (!doc) throw new Error(`GINIS stub: no document ${id}`)
			Object.assign(doc, change, { changedAt: new Date() })
		},
		functions,
		stop: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()))
				server.closeAllConnections()
			}),
	}
}
