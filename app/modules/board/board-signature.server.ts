import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto'
import type { TenantDb } from '../db/tenant-db.server'
import { decryptSecret, encryptSecret } from '../secrets/secrets.server'

/**
 * The signed daily snapshot of the official board (issue 17, decision 015). Each town has its own
 * Ed25519 key pair: anyone holding the published public key can check a day's signature without
 * trusting the portal (`openssl pkeyutl -verify -rawin`), which an HMAC could not offer. The signed text
 * names the day, the SHA-256 of the day's canonical list (which holds each document's and each file's
 * hash) and the number of documents.
 */
export function snapshotMessage({ day, listHash, documentCount }: { day: string; listHash: string; documentCount: number }) {
	return `portal-obcana board snapshot v1\nday: ${day}\nlist-sha256: ${listHash}\ndocuments: ${documentCount}\n`
}

/** The key's id: the first 16 hex digits of the SHA-256 of its public key (SPKI DER), as published. */
function keyIdOf(publicKeyPem: string) {
	return createHash('sha256')
		.update(createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' }))
		.digest('hex')
		.slice(0, 16)
}

/**
 * The town's current signing key, made on first use. Two processes making one at once each store
 * their own (both are published and both verify); the newest is used from then on.
 */
export async function currentBoardSigningKey(db: TenantDb) {
	const existing = await db.boardSigningKey.findFirst({ orderBy: { createdAt: 'desc' } })
	if (existing) return { keyId: existing.keyId, privateKeyPem: decryptSecret(existing.privateKey) }
	const { publicKey, privateKey } = generateKeyPairSync('ed25519', {
		publicKeyEncoding: { type: 'spki', format: 'pem' },
		privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
	})
	const keyId = keyIdOf(publicKey)
	await db.boardSigningKey.create({ data: { keyId, publicKey, privateKey: encryptSecret(privateKey) } })
	return { keyId, privateKeyPem: privateKey }
}

export function signSnapshot(privateKeyPem: string, snapshot: { day: string; listHash: string; documentCount: number }) {
	return sign(null, Buffer.from(snapshotMessage(snapshot), 'utf8'), createPrivateKey(privateKeyPem)).toString('base64')
}

export async function boardPublicKey(db: TenantDb, keyId: string) {
	return db.boardSigningKey.findUnique({ where: { keyId }, select: { keyId: true, publicKey: true, createdAt: true } })
}
