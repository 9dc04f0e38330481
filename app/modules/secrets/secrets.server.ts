import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { AppError } from '../errors/app-error'
import { singleton } from '../util/singleton.server'

// Secrets at rest (gateway keys, SAML private keys, TOTP secrets): AES-256-GCM with a key from the
// environment. The key id travels with each value, so keys can be rotated: new values use the
// active key, old values still decrypt with the key they name.
//
//   SECRETS_KEYS="2026a:<base64 32 bytes>,2027a:<base64 32 bytes>"   SECRETS_ACTIVE_KEY=2027a
//
// Stored form: enc:v1:<key id>:<iv b64>:<auth tag b64>:<ciphertext b64>

const PREFIX = 'enc:v1:'
// Only for development and the demo: production refuses to start without SECRETS_KEYS (env.server.ts).
const DEMO_KEY_ID = 'demo'
const DEMO_KEY = createHash('sha256').update('portal-obcana demo key: not for production').digest()

type KeyRing = { active: string; keys: Map<string, Buffer> }
const state = singleton<{ ring?: KeyRing }>('secret-keys', () => ({}))

export function parseKeyRing(spec: string | undefined, active: string | undefined): KeyRing {
	if (!spec) return { active: DEMO_KEY_ID, keys: new Map([[DEMO_KEY_ID, DEMO_KEY]]) }
	const keys = new Map<string, Buffer>()
	for (const part of spec
		.split(',')
		.map((p) => p.trim())
		.filter(Boolean)) {
		const [id, value] = part.split(':')
		const key = Buffer.from(value ?? '', 'base64')
		if (!id || !/^[\w-]{1,32}$/.test(id) || key.length !== 32) {
			throw new AppError('config_invalid', 'SECRETS_KEYS must be a comma-separated list of <id>:<base64 of 32 random bytes>')
		}
		keys.set(id, key)
	}
	const activeId = active ?? [...keys.keys()].at(-1)!
	if (!keys.has(activeId)) throw new AppError('config_invalid', `SECRETS_ACTIVE_KEY "${activeId}" is not in SECRETS_KEYS`)
	return { active: activeId, keys }
}

export function configureSecrets(spec: string | undefined, active?: string) {
	state.ring = parseKeyRing(spec, active)
}

function ring() {
	state.ring ??= parseKeyRing(process.env.SECRETS_KEYS, process.env.SECRETS_ACTIVE_KEY)
	return state.ring
}

export function encryptSecret(plain: string): string {
	const { active, keys } = ring()
	const iv = randomBytes(12)
	const cipher = createCipheriv('aes-256-gcm', keys.get(active)!, iv)
	const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
	return `${PREFIX}${active}:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${data.toString('base64')}`
}

export function decryptSecret(stored: string): string {
	if (!stored.startsWith(PREFIX)) throw new Error('Not an encrypted secret')
	const [keyId, iv, tag, data] = stored.slice(PREFIX.length).split(':')
	const key = ring().keys.get(keyId ?? '')
	if (!key || !iv || !tag || data === undefined) throw new Error(`Cannot decrypt a secret: key "${keyId}" is not configured`)
	const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'))
	decipher.setAuthTag(Buffer.from(tag, 'base64'))
	return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8')
}

export function isEncryptedSecret(value: string) {
	return value.startsWith(PREFIX)
}

/** For display: never the secret, only that one is set and its last characters. */
export function maskSecret(plain: string) {
	return plain.length <= 4 ? '••••' : `••••${plain.slice(-4)}`
}

/**
 * A short HMAC-SHA256 (base64url) of `text` under the active secrets key, for capabilities handed to a
 * browser (e.g. the /zaplatit result link). `purpose` separates the uses so one signature never
 * passes for another's. Checked with every configured key, so a key rotation does not break links.
 */
export function signWithSecretsKey(purpose: string, text: string): string {
	const { active, keys } = ring()
	return hmac(keys.get(active)!, purpose, text)
}

export function isSignedWithSecretsKey(purpose: string, text: string, signature: string): boolean {
	const received = Buffer.from(signature)
	return [...ring().keys.values()].some((key) => {
		const expected = Buffer.from(hmac(key, purpose, text))
		return expected.length === received.length && timingSafeEqual(expected, received)
	})
}

function hmac(key: Buffer, purpose: string, text: string) {
	return createHmac('sha256', key).update(`${purpose}\n${text}`).digest('base64url')
}
