import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { parse as parseYaml, YAMLParseError } from 'yaml'
import { AppError } from '../errors/app-error'
import { requireReadableTheme } from '../theming/presets.server'
import { isAppError } from '../errors/app-error'
import { BlueprintSchema, type Blueprint } from './blueprint-schema'

export const BLUEPRINT_FILE = 'blueprint.yaml'
const MAX_LOGO_BYTES = 512 * 1024

export type LoadedBlueprint = Blueprint & { logoFile?: { bytes: Buffer; type: string } }

/**
 * Reads tenants/<slug>/blueprint.yaml and everything it points to. Every problem is collected and
 * reported at once with its path (e.g. `payments.iban: must be a valid Czech IBAN`); nothing is applied.
 */
export async function loadBlueprint(dir: string): Promise<LoadedBlueprint> {
	const file = path.join(dir, BLUEPRINT_FILE)
	const text = await readFile(file, 'utf8').catch(() => {
		throw new AppError('blueprint_invalid', `No ${BLUEPRINT_FILE} in ${dir}`)
	})
	let raw: unknown
	try {
		raw = parseYaml(text)
	} catch (error) {
		const message = error instanceof YAMLParseError ? error.message : String(error)
		throw new AppError('blueprint_invalid', `${file} is not valid YAML`, [message])
	}
	const parsed = BlueprintSchema.safeParse(raw)
	if (!parsed.success) {
		throw new AppError(
			'blueprint_invalid',
			`${file} has problems; nothing was applied:`,
			parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
		)
	}
	const blueprint = parsed.data
	const problems: string[] = []
	if (path.basename(path.resolve(dir)) !== blueprint.slug) {
		problems.push(`slug: "${blueprint.slug}" must match the folder name "${path.basename(path.resolve(dir))}"`)
	}
	try {
		requireReadableTheme(blueprint.theme.preset, blueprint.theme.overrides)
	} catch (error) {
		if (!isAppError(error)) throw error
		problems.push(...[error.message.split('\n')[0], ...error.details].map((line) => `theme: ${line}`))
	}
	let logoFile: LoadedBlueprint['logoFile']
	if (blueprint.logo) {
		const logoPath = path.join(dir, blueprint.logo)
		const info = await stat(logoPath).catch(() => null)
		if (!info) problems.push(`logo: file ${blueprint.logo} not found next to the blueprint`)
		else if (info.size > MAX_LOGO_BYTES) problems.push(`logo: ${blueprint.logo} is larger than 512 kB`)
		else {
			const bytes = await readFile(logoPath)
			const type = blueprint.logo.endsWith('.svg') ? 'image/svg+xml' : 'image/png'
			if (type === 'image/png' && !bytes.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))) {
				problems.push(`logo: ${blueprint.logo} is not a PNG image`)
			} else if (type === 'image/svg+xml' && (!/<svg[\s>]/.test(bytes.toString('utf8')) || /<script|on\w+\s*=/i.test(bytes.toString('utf8')))) {
				problems.push(`logo: ${blueprint.logo} is not a plain SVG image (scripts and event handlers are not allowed)`)
			} else logoFile = { bytes, type }
		}
	}
	if (problems.length) throw new AppError('blueprint_invalid', `${file} has problems; nothing was applied:`, problems)
	return { ...blueprint, logoFile }
}
