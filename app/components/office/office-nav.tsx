import { Form, NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

type Props = {
	name: string
	canReadStaff: boolean
	canReadAudit: boolean
	canReadSubmissions?: boolean
	canReadMessages?: boolean
	canManageForms?: boolean
	canReadFeeRules?: boolean
	canReadClaims?: boolean
	canReadBank?: boolean
	canReadPayments?: boolean
	canManageGateways?: boolean
	canManageBoard?: boolean
	canReadStatistics?: boolean
	canReadGrants?: boolean
}

/** The back office's own navigation, below the town header. */
export function OfficeNav({ name, canReadStaff, canReadAudit, canReadSubmissions = false, canManageForms = false, canReadFeeRules = false, canReadClaims = false, canReadBank = false, canReadPayments = false, canManageGateways = false, canManageBoard = false, canReadStatistics = false, canReadGrants = false, canReadMessages = false }: Props) {
	const { t } = useTranslation('office')
	const link = ({ isActive }: { isActive: boolean }) => `rounded-town px-2 py-1 ${isActive ? 'font-bold no-underline ring-2 ring-primary' : ''}`
	return (
		<div className="border-b border-muted/30 bg-surface">
			<div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-2">
				<nav aria-label={t('nav.label')}>
					<ul className="flex flex-wrap gap-2">
						<li>
							<NavLink to="/urad" end className={link}>
								{t('nav.home')}
							</NavLink>
						</li>
						{canReadSubmissions ? (
							<li>
								<NavLink to="/urad/podani" className={link}>
									{t('nav.submissions')}
								</NavLink>
							</li>
						) : null}
						{canReadMessages ? (
							<li>
								<NavLink to="/urad/zpravy" className={link}>
									{t('nav.messages')}
								</NavLink>
							</li>
						) : null}
						{canManageForms ? (
							<li>
								<NavLink to="/urad/formulare" className={link}>
									{t('nav.forms')}
								</NavLink>
							</li>
						) : null}
						{canReadStaff ? (
							<li>
								<NavLink to="/urad/uzivatele" className={link}>
									{t('nav.staff')}
								</NavLink>
							</li>
						) : null}
						{canReadAudit ? (
							<li>
								<NavLink to="/urad/audit" className={link}>
									{t('nav.audit')}
								</NavLink>
							</li>
						) : null}
						{canReadClaims ? (
							<li>
								<NavLink to="/urad/poplatky/predpisy" className={link}>
									{t('nav.claims')}
								</NavLink>
							</li>
						) : null}
						{canReadBank ? (
							<li>
								<NavLink to="/urad/banka" className={link}>
									{t('nav.bank')}
								</NavLink>
							</li>
						) : null}
						{canReadFeeRules ? (
							<li>
								<NavLink to="/urad/poplatky/pravidla" className={link}>
									{t('nav.feeRules')}
								</NavLink>
							</li>
						) : null}
						{canReadPayments ? (
							<li>
								<NavLink to="/urad/platby" className={link}>
									{t('nav.payments')}
								</NavLink>
							</li>
						) : null}
						{canManageBoard ? (
							<li>
								<NavLink to="/urad/uredni-deska" className={link}>
									{t('nav.board')}
								</NavLink>
							</li>
						) : null}
						{canReadGrants ? (
							<li>
								<NavLink to="/urad/dotace" className={link}>
									{t('nav.grants')}
								</NavLink>
							</li>
						) : null}
						{canReadStatistics ? (
							<li>
								<NavLink to="/urad/statistiky" className={link}>
									{t('nav.statistics')}
								</NavLink>
							</li>
						) : null}
						{canManageGateways ? (
							<li>
								<NavLink to="/urad/platebni-brany" className={link}>
									{t('nav.gateways')}
								</NavLink>
							</li>
						) : null}
						{/* Town settings, the same permission as the gateways (update TownSettings). */}
						{canManageGateways ? (
							<li>
								<NavLink to="/urad/dlazdice" className={link}>
									{t('nav.tile')}
								</NavLink>
							</li>
						) : null}
						{canManageGateways ? (
							<li>
								<NavLink to="/urad/pravni-stranky" className={link}>
									{t('nav.legal')}
								</NavLink>
							</li>
						) : null}
					</ul>
				</nav>
				<div className="flex flex-wrap items-center gap-3">
					<span>{t('nav.signedInAs', { name })}</span>
					<Form method="post" action="/urad/odhlaseni" reloadDocument>
						<button type="submit" className="rounded-town border-2 border-muted bg-surface px-3 py-1 font-semibold text-ink">
							{t('nav.logout')}
						</button>
					</Form>
				</div>
			</div>
		</div>
	)
}
