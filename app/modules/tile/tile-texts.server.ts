import { pickText, type LocalizedText } from '../i18n/locales'
import { resources } from '../i18n/resources.server'
import type { TownType } from '../tenancy/blueprint-schema'

/** The tile's name and description in the two languages the state portal shows (cs, en). */
export function tileTexts({ name, townType }: { name: LocalizedText; townType: TownType }) {
	return (['cs', 'en'] as const).map((locale) => {
		const texts = resources[locale].tile.tileText as Record<string, string>
		return {
			locale,
			title: texts.title!.replace('{{name}}', pickText(name, locale)),
			description: texts[`description_${townType}`] ?? texts.description!,
		}
	})
}
