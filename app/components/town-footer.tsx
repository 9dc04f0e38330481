import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { RootTown } from '~/root'

/** The state Portál občana, where the town's tile lives (decision 016). */
const STATE_PORTAL = 'https://obcan.portal.gov.cz/'

export function TownFooter({ town }: { town: RootTown }) {
	const { t } = useTranslation()
	const { contact } = town
	return (
		<footer className="mt-auto border-t border-muted/30 bg-surface">
			<div className="mx-auto grid max-w-5xl gap-6 px-4 py-8 sm:grid-cols-2">
				<section aria-labelledby="contact-heading">
					<h2 id="contact-heading" className="mb-2 text-lg font-semibold">
						{t('contact.heading')}
					</h2>
					<dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
						<dt className="text-muted">{t('contact.address')}</dt>
						<dd>{contact.address}</dd>
						<dt className="text-muted">{t('contact.phone')}</dt>
						<dd>
							<a href={`tel:${contact.phone.replaceAll(' ', '')}`}>{contact.phone}</a>
						</dd>
						<dt className="text-muted">{t('contact.email')}</dt>
						<dd>
							<a href={`mailto:${contact.email}`}>{contact.email}</a>
						</dd>
						{contact.dataBox ? (
							<>
								<dt className="text-muted">{t('contact.dataBox')}</dt>
								<dd>{contact.dataBox}</dd>
							</>
						) : null}
						{contact.officeHours ? (
							<>
								<dt className="text-muted">{t('contact.officeHours')}</dt>
								<dd>{contact.officeHours}</dd>
							</>
						) : null}
					</dl>
				</section>
				<div className="text-sm text-muted sm:text-right">
					<nav aria-label={t('footer.navLabel')}>
						<ul className="grid gap-1">
							{contact.web ? (
								<li>
									<a href={contact.web}>{t('contact.web', { context: town.type })}</a>
								</li>
							) : null}
							<li>
								<a href="/uredni-deska">{t('footer.board')}</a>
							</li>
							<li>
								<a href="/otevrena-data">{t('footer.openData')}</a>
							</li>
							<li>
								<a href={STATE_PORTAL}>{t('footer.statePortal')}</a>
							</li>
							<li>
								<Link to="/prohlaseni-o-pristupnosti">{t('footer.accessibilityStatement')}</Link>
							</li>
							<li>
								<Link to="/ochrana-osobnich-udaju">{t('footer.privacy')}</Link>
							</li>
						</ul>
					</nav>
					<p className="mt-2">
						<Link to="/prohlaseni-o-pristupnosti">{t('footer.accessibility')}</Link>
					</p>
					<p className="mt-2">{t('footer.poweredBy')}</p>
				</div>
			</div>
		</footer>
	)
}
