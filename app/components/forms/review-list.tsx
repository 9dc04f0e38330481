import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { isConditionMet } from '~/modules/forms/build-submission-schema'
import { localized, type Field, type FormDefinition, type LeafField } from '~/modules/forms/form-definition-schema'
import type { UploadedFile } from './form-field-input'

/** A field's value as text, for the review page, the PDF and the timeline page. */
export function displayValue(field: Field | LeafField, value: unknown, locale: string, files: UploadedFile[], words: { yes: string; no: string; empty: string }): string {
	if (field.type === 'file') return files.filter((file) => file.fieldName === field.name).map((file) => file.fileName).join(', ') || words.empty
	if (value === undefined || value === null || value === '') return words.empty
	if (field.type === 'checkbox') return value === true || value === 'on' ? words.yes : words.no
	if (field.type === 'select' || field.type === 'radio') return localized(field.options.find((option) => option.value === value)?.label, locale) || String(value)
	if (field.type === 'address' && typeof value === 'object') {
		const address = value as { street?: string; city?: string; postalCode?: string }
		return [address.street, [address.postalCode, address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')
	}
	if (field.type === 'group' && Array.isArray(value)) {
		return value.map((row: Record<string, unknown>) => field.fields.map((child) => `${localized(child.label, locale)}: ${displayValue(child, row[child.name], locale, files, words)}`).join('; ')).join(' | ')
	}
	return String(value)
}

export function ReviewList({ definition, values, files, locale }: { definition: FormDefinition; values: Record<string, unknown>; files: UploadedFile[]; locale: string }) {
	const { t } = useTranslation('forms')
	const words = { yes: t('fill.yes'), no: t('fill.no'), empty: t('fill.empty') }
	return (
		<section aria-labelledby="review-title">
			<h2 id="review-title" className="mb-2 text-2xl font-semibold">
				{t('fill.review')}
			</h2>
			<p className="mb-6">{t('fill.reviewIntro')}</p>
			{definition.steps.map((step, index) => (
				<section key={step.id} aria-labelledby={`review-${step.id}`} className="mb-6">
					<div className="flex items-baseline justify-between gap-4">
						<h3 id={`review-${step.id}`} className="text-xl font-semibold">
							{localized(step.title, locale)}
						</h3>
						<Link to={`?krok=${index}`} aria-label={`${t('fill.edit')}: ${localized(step.title, locale)}`}>
							{t('fill.edit')}
						</Link>
					</div>
					<dl className="mt-2">
						{step.fields
							.filter((field) => isConditionMet(field.visibleWhen, values))
							.map((field) => (
								<div key={field.name} className="mb-2">
									<dt className="font-semibold">{localized(field.label, locale)}</dt>
									<dd>{displayValue(field, values[field.name], locale, files, words)}</dd>
								</div>
							))}
					</dl>
				</section>
			))}
			<Form method="post" encType="multipart/form-data">
				<input type="hidden" name="intent" value="submit" />
				<input type="hidden" name="krok" value={definition.steps.length} />
				<button type="submit" className="rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
					{t('fill.submit')}
				</button>
			</Form>
		</section>
	)
}
