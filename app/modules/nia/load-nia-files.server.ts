import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { NiaBlueprint } from '../tenancy/blueprint-schema'
import { assertKeyMatchesCertificate } from './generate-sp-certificate.server'
import { parseIdpMetadata } from './parse-idp-metadata.server'

/** What the blueprint's nia section points to: files beside it and the SP key from the environment. */
export type NiaFiles = { idpMetadataXml?: string; spCertificate?: string; spKey?: string }

const MAX_FILE_BYTES = 256 * 1024

async function readSmallFile(dir: string, name: string, label: string, problems: string[]) {
	const text = await readFile(path.join(dir, name), 'utf8').catch(() => null)
	if (text === null) problems.push(`nia.${label}: file ${name} not found next to the blueprint`)
	else if (text.length > MAX_FILE_BYTES) problems.push(`nia.${label}: ${name} is larger than 256 kB`)
	else return text
	return undefined
}

/** Reads and checks every file the nia section names; each problem is reported with its path. */
export async function loadNiaFiles(dir: string, nia: NiaBlueprint, env: NodeJS.ProcessEnv = process.env) {
	const problems: string[] = []
	const files: NiaFiles = {}
	if (nia.idpMetadataXml) {
		files.idpMetadataXml = await readSmallFile(dir, nia.idpMetadataXml, 'idpMetadataXml', problems)
		if (files.idpMetadataXml) {
			try {
				parseIdpMetadata(files.idpMetadataXml)
			} catch (error) {
				problems.push(`nia.idpMetadataXml: ${nia.idpMetadataXml} is not usable IdP metadata (${(error as Error).message})`)
			}
		}
	}
	if (nia.spKey && nia.spCertificate) {
		files.spCertificate = await readSmallFile(dir, nia.spCertificate, 'spCertificate', problems)
		files.spKey = env[nia.spKey.env]
		if (!files.spKey) problems.push(`nia.spKey: the environment variable ${nia.spKey.env} is not set`)
		if (files.spKey && files.spCertificate) {
			try {
				assertKeyMatchesCertificate(files.spKey.replace(/\\n/g, '\n'), files.spCertificate)
				files.spKey = files.spKey.replace(/\\n/g, '\n')
			} catch (error) {
				problems.push(`nia.spKey: ${(error as Error).message}`)
			}
		}
	}
	return { files, problems }
}
