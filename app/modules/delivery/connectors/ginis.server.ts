// Files a submission into GINIS (GORDIC) through its GRest JSON services: SSL Zalozit-pisemnost registers
// the document, SSL Pridat-soubor attaches the PDF and files, SSL Detail-dokumentu + GIN
// Detail-funkcniho-mista read the state and the handling clerk when polled.
// @bratislava/ginis-sdk 0.5 covers all of these except registering a document, so that one request
// is written here in the same GRest shape the SDK sends (GRestHeader + Xrg).
import { createHash, randomBytes } from 'node:crypto'
import { Ginis, type GinisConfig } from '@bratislava/ginis-sdk'
import {
	DeliveryError,
	documentText,
	type AnswerPayload,
	type DeliveryPayload,
	type DeliveryResult,
	type DocumentPayload,
	type RecordsConnector,
	type StatusUpdate,
} from '../connector'
import { mapGinisState } from './ginis-status'

export type GinisConnectorOptions = {
	urls: { ssl: string; gin: string; pod?: string }
	username: string
	password: string
	documentTypeId: string
	filingNodeId?: string
}

const ZALOZIT_NAMESPACE = 'http://www.gordic.cz/xrg/ssl/wfl-dokument/zalozit-pisemnost/request/v_1.0.0.0'

function asDeliveryError(error: unknown, what: string): DeliveryError {
	if (error instanceof DeliveryError) return error
	const status = (error as { response?: { status?: number } })?.response?.status
	const retryable = status === undefined || status >= 500 || status === 408 || status === 429
	return new DeliveryError(`GINIS ${what} failed${status ? ` (HTTP ${status})` : ''}: ${error instanceof Error ? error.message : String(error)}`, retryable)
}

type Registration = { externalId: string; vec: string; date: Date; note: string; sender?: string }

async function registerDocument(options: GinisConnectorOptions, doc: Registration): Promise<{ id: string; znacka?: string }> {
	const body = {
		GRestHeader: {
			RequestName: 'Xrg',
			RequestNamespace: ZALOZIT_NAMESPACE,
			User: options.username,
			Password: options.password,
			PasswordText: true,
			Nonce: randomBytes(10).toString('base64'),
			Created: new Date().toISOString(),
		},
		Xrg: {
			'Zalozit-pisemnost': {
				// Externí identifikátor: GINIS answers a repeat with the document it already created.
				'Id-externi': doc.externalId,
				'Id-typu-dokumentu': options.documentTypeId,
				...(options.filingNodeId ? { 'Id-spisoveho-uzlu': options.filingNodeId } : {}),
				Vec: doc.vec,
				'Datum-podani': doc.date.toISOString(),
				'Zpusob-doruceni': 'elektronicky',
				Poznamka: doc.note,
				...(doc.sender ? { Odesilatel: doc.sender } : {}),
			},
		},
	}
	const response = await fetch(`${options.urls.ssl}/json/Zalozit-pisemnost`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(30_000),
	}).catch((error: unknown) => {
		throw new DeliveryError(`GINIS unreachable: ${String((error as Error)?.cause ?? error)}`, true)
	})
	const text = await response.text()
	if (!response.ok) throw asDeliveryError(Object.assign(new Error(text.slice(0, 300)), { response: { status: response.status } }), 'Zalozit-pisemnost')
	const row = (JSON.parse(text) as { Xrg?: { 'Zalozit-pisemnost'?: { IdDokumentu?: string; Znacka?: string }[] } }).Xrg?.['Zalozit-pisemnost']?.[0]
	if (!row?.IdDokumentu) throw new DeliveryError(`GINIS Zalozit-pisemnost answered without IdDokumentu: ${text.slice(0, 300)}`, true)
	return { id: row.IdDokumentu, znacka: row.Znacka || undefined }
}

export function createGinisConnector(options: GinisConnectorOptions): RecordsConnector {
	const config: GinisConfig = {
		username: options.username,
		password: options.password,
		urls: { ssl: options.urls.ssl, gin: options.urls.gin, pod: options.urls.pod },
	}
	const ginis = new Ginis(config)
	return {
		kind: 'ginis',
		async deliver(payload: DeliveryPayload): Promise<DeliveryResult> {
			const document = await registerDocument(options, {
				externalId: payload.submissionId,
				vec: `${payload.form.title} (${payload.number})`,
				date: payload.submittedAt,
				note: `Portál občana ${payload.town.name}, agenda ${payload.form.agenda}`,
				...(payload.applicant ? { sender: `${payload.applicant.givenName} ${payload.applicant.familyName}` } : {}),
			})
			const files = [
				{ fileName: `${payload.number}.pdf`, content: payload.pdf, main: true },
				...payload.attachments.map((a) => ({ fileName: a.fileName, content: a.content, main: false })),
			]
			try {
				// A retry after a partial upload re-sends every file; GINIS keeps versions, the document stays one.
				for (const file of files) {
					await ginis.json.ssl.pridatSoubor({
						'Id-dokumentu': document.id,
						'Jmeno-souboru': file.fileName,
						'Typ-vazby': file.main ? 'elektronicky-obraz' : 'elektronicka-priloha',
						Data: file.content.toString('base64'),
					})
				}
			} catch (error) {
				throw asDeliveryError(error, 'Pridat-soubor')
			}
			return { externalId: document.id, ...(document.znacka ? { referenceNumber: document.znacka } : {}) }
		},
		// GINIS has no "answer" object: the answer text (as a text file) and its files join the
		// document already filed, as attachments (Pridat-soubor). A retry may add a file version twice.
		async deliverAnswer(payload: AnswerPayload): Promise<DeliveryResult> {
			const text = Buffer.from(`Doplnění podání ${payload.number} (${payload.answeredAt.toISOString()}):\n\n${payload.message}\n`, 'utf8')
			const files = [{ fileName: `${payload.answerId}.txt`, content: text }, ...payload.attachments.map((a) => ({ fileName: a.fileName, content: a.content }))]
			try {
				for (const file of files) {
					await ginis.json.ssl.pridatSoubor({
						'Id-dokumentu': payload.externalId,
						'Jmeno-souboru': file.fileName,
						'Typ-vazby': 'elektronicka-priloha',
						Data: file.content.toString('base64'),
					})
				}
			} catch (error) {
				throw asDeliveryError(error, 'Pridat-soubor')
			}
			return { externalId: payload.externalId }
		},
		// A conversation becomes a document of its own (Id-externi = the document key, so a repeat answers
		// with the same document), the conversation as a text file and the citizen's files as attachments.
		async fileDocument(payload: DocumentPayload): Promise<DeliveryResult> {
			const document = await registerDocument(options, {
				externalId: payload.documentId,
				vec: payload.thread.subject,
				date: payload.requestedAt,
				note: `Portál občana ${payload.town.name}, konverzace s úřadem, téma ${payload.thread.topic}`,
				...(payload.citizen ? { sender: `${payload.citizen.givenName} ${payload.citizen.familyName}` } : {}),
			})
			const files = [
				{ fileName: `${payload.documentId}.txt`, content: Buffer.from(documentText(payload), 'utf8'), main: true },
				...payload.attachments.map((a) => ({ fileName: a.fileName, content: a.content, main: false })),
			]
			try {
				for (const file of files) {
					await ginis.json.ssl.pridatSoubor({
						'Id-dokumentu': document.id,
						'Jmeno-souboru': file.fileName,
						'Typ-vazby': file.main ? 'elektronicky-obraz' : 'elektronicka-priloha',
						Data: file.content.toString('base64'),
					})
				}
			} catch (error) {
				throw asDeliveryError(error, 'Pridat-soubor')
			}
			return { externalId: document.id, ...(document.znacka ? { referenceNumber: document.znacka } : {}) }
		},
		async poll({ submissionId, externalId }): Promise<StatusUpdate[]> {
			let detail
			try {
				detail = await ginis.json.ssl.detailDokumentu({ 'Id-dokumentu': externalId, 'Vyradit-historii': 'true', 'Vyradit-prilohy': 'true' })
			} catch (error) {
				throw asDeliveryError(error, 'Detail-dokumentu')
			}
			const doc = detail.WflDokument?.[0]
			if (!doc) return []
			const ownerId = doc.IdFunkceVlastnika?.trim() || ''
			const status = mapGinisState(doc.StavDokumentu ?? '', Boolean(ownerId))
			if (!status) return []
			let assignee: StatusUpdate['assignee']
			if (ownerId) {
				try {
					const place = (await ginis.json.gin.detailFunkcnihoMista({ 'Id-funkce': ownerId })).DetailFunkcnihoMista?.[0]
					if (place?.NazevReferenta) assignee = { name: place.NazevReferenta, ...(place.NazevOrj ? { department: place.NazevOrj } : {}) }
				} catch (error) {
					throw asDeliveryError(error, 'Detail-funkcniho-mista')
				}
			}
			const referenceNumber = detail.CjDokumentu?.ZnackaCj || doc.Znacka || undefined
			// The same polled state always yields the same event id, so the caller's dedupe drops repeats.
			const eventId = `ginis:${createHash('sha256')
				.update([externalId, status, ownerId, referenceNumber ?? ''].join('|'))
				.digest('hex')
				.slice(0, 32)}`
			const at = doc.DatumZmeny ? new Date(doc.DatumZmeny) : new Date()
			return [
				{
					eventId,
					submissionId,
					status,
					...(referenceNumber ? { referenceNumber } : {}),
					...(assignee ? { assignee } : {}),
					at: Number.isNaN(at.getTime()) ? new Date() : at,
				},
			]
		},
	}
}
