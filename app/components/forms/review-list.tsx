import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { isConditionMet } from '~/modules/forms/build-submission-schema'
import { type FormDefinition } from '~/modules/forms/form-definition-schema'
import { FieldValue } from './field-value'
import type { UploadedFile } from './form-field-input'
import { pickText } from '~/modules/i18n/locales'

export function ReviewList({
	definition,
	values,
	files,
	locale,
}: {
	definition: FormDefinition
	values: Record<string, unknown>
	files: UploadedFile[]
	locale: string
}) {
	const { t } = useTranslation('forms')
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
							{pickText(step.title, locale)}
						</h3>
						<Link to={`?krok=${index}`} aria-label={`${t('fill.edit')}: ${pickText(step.title, locale)}`}>
							{t('fill.edit')}
						</Link>
					</div>
					<dl className="mt-2">
						{step.fields
							.filter((field) => isConditionMet(field.visibleWhen, values))
							.map((field) => (
								<div key={field.name} className="mb-2">
									<dt className="font-semibold">{pickText(field.label, locale)}</dt>
									<dd>
										<FieldValue field={field} value={values[field.name]} locale={locale} files={files} />
									</dd>
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
