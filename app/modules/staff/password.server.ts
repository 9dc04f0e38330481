import { hash, verify } from '@node-rs/argon2'

// argon2id (the package's default algorithm) with its default cost (19 MiB, 2 passes): OWASP's
// recommended minimum. The PHC string carries the parameters, so raising them later keeps old
// hashes verifiable.

export function hashPassword(password: string) {
	return hash(password)
}

/** False for a wrong password and for anything that is not an argon2 hash (never throws). */
export async function verifyPassword(passwordHash: string, password: string) {
	try {
		return await verify(passwordHash, password)
	} catch {
		return false
	}
}

// Verified against when the account does not exist, so that "no such e-mail" takes as long as
// "wrong password" and the answer time does not tell them apart.
let dummyHash: Promise<string> | undefined
export async function verifyAgainstDummy(password: string) {
	dummyHash ??= hash('portal-obcana: no such account')
	await verifyPassword(await dummyHash, password)
	return false
}
