import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { parse as parseYaml, YAMLParseError } from 'yaml'
import { AppError } from '../errors/app-error'
import { requireReadableTheme } from '../theming/presets.server'
import { isAppError } from '../errors/app-error'
import { loadNiaFiles, type NiaFiles } from '../nia/load-nia-files.server'
import { ResidentsFileSchema, type ResidentsFile } from '../residents/residents-file-schema'
import { BlueprintSchema, type Blueprint } from './blueprint-schema'
import { checkLogo, MAX_LOGO_BYTES, SVG_PROBLEM_TEXT } from './check-logo.server'

export const BLUEPRINT_FILE = 'blueprint.yaml'
/** Optional register of residents, households and obligations beside the blueprint (demo towns). */
export const RESIDENTS_FILE = 'residents.yaml'

export type LoadedBlueprint = Blueprint & { logoFile?: { bytes: Buffer; type: string }; niaFiles?: NiaFiles; residents?: ResidentsFile }

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
	const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
	// The checks below look at one part each and run whenever that part is valid on its own, so a
	// mistake elsewhere in the file does not hide them: the author sees every problem in one go.
	const part = (key: string): unknown => (raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined)
	const slug = BlueprintSchema.shape.slug.safeParse(part('slug'))
	const folder = path.basename(path.resolve(dir))
	if (slug.success && folder !== slug.data) {
		problems.push(`slug: "${slug.data}" must match the folder name "${folder}"`)
	}
	const theme = BlueprintSchema.shape.theme.safeParse(part('theme'))
	if (theme.success) {
		try {
			requireReadableTheme(theme.data.preset, theme.data.overrides)
		} catch (error) {
			if (!isAppError(error)) throw error
			problems.push(...[error.message.split('\n')[0], ...error.details].map((line) => `theme: ${line}`))
		}
	}
	const logo = BlueprintSchema.shape.logo.safeParse(part('logo'))
	let logoFile: LoadedBlueprint['logoFile']
	if (logo.success && logo.data) {
		const logoPath = path.join(dir, logo.data)
		const info = await stat(logoPath).catch(() => null)
		if (!info) problems.push(`logo: file ${logo.data} not found next to the blueprint`)
		else if (info.size > MAX_LOGO_BYTES) problems.push(`logo: ${logo.data} is larger than 512 kB`)
		else {
			const bytes = await readFile(logoPath)
			const checked = checkLogo(logo.data, bytes)
			if (checked.ok) logoFile = { bytes, type: checked.type }
			else if (checked.problem === 'not_png') problems.push(`logo: ${logo.data} is not a PNG image`)
			else if (checked.problem === 'unsafe_svg')
				problems.push(`logo: ${logo.data} was refused: it ${SVG_PROBLEM_TEXT[checked.svgProblem]} (${checked.detail}); upload a plain SVG`)
			else problems.push(`logo: ${logo.data} must be an .svg or .png file`)
		}
	}
	const nia = BlueprintSchema.shape.nia.safeParse(part('nia'))
	let niaFiles: NiaFiles | undefined
	if (nia.success && nia.data) {
		const loaded = await loadNiaFiles(dir, nia.data)
		problems.push(...loaded.problems)
		niaFiles = loaded.files
	}
	const residents = await loadResidentsFile(dir, problems)
	if (residents && parsed.success) {
		const feeTypes = new Set(parsed.data.fees?.feeTypes.map((fee) => fee.code) ?? [])
		for (const o of residents.households.flatMap((h) => h.residents.flatMap((r) => r.obligations))) {
			if (!feeTypes.has(o.feeType)) problems.push(`${RESIDENTS_FILE}: ${o.id}: fee type "${o.feeType}" is not in the blueprint's fees`)
		}
	}
	if (!parsed.success || problems.length) throw new AppError('blueprint_invalid', `${file} has problems; nothing was applied:`, problems)
	return { ...parsed.data, logoFile, niaFiles, residents }
}

async function loadResidentsFile(dir: string, problems: string[]): Promise<ResidentsFile | undefined> {
	const text = await readFile(path.join(dir, RESIDENTS_FILE), 'utf8').catch(() => null)
	if (text === null) return undefined
	let raw: unknown
	try {
		raw = parseYaml(text)
	} catch (error) {
		problems.push(`${RESIDENTS_FILE}: not valid YAML: ${error instanceof YAMLParseError ? error.message : String(error)}`)
		return undefined
	}
	const parsed = ResidentsFileSchema.safeParse(raw)
	if (!parsed.success)
		problems.push(...parsed.error.issues.map((issue) => `${RESIDENTS_FILE}: ${[issue.path.join('.'), issue.message].filter(Boolean).join(': ')}`))
	return parsed.success ? parsed.data : undefined
}
