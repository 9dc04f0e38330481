import { useLocation } from '@remix-run/react'
import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The header's links behind a menu button on small screens (issue 16). A <details>/<summary> opens and
 * closes without JavaScript; from 48rem up the summary is hidden and the content always shown
 * (app.css, .town-menu). With JavaScript, the menu closes after a client-side navigation, since the
 * header stays on screen between pages.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
	const { t } = useTranslation()
	const menu = useRef<HTMLDetailsElement>(null)
	const location = useLocation()
	useEffect(() => {
		if (menu.current) menu.current.open = false
	}, [location.key])
	return (
		<details ref={menu} className="town-menu">
			<summary className="flex cursor-pointer items-center gap-2 rounded-town px-3 py-2 font-semibold ring-1 ring-primary-contrast">
				<svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20" fill="currentColor">
					<rect x="2" y="4" width="16" height="2" rx="1" />
					<rect x="2" y="9" width="16" height="2" rx="1" />
					<rect x="2" y="14" width="16" height="2" rx="1" />
				</svg>
				{t('menu')}
			</summary>
			<div className="town-menu-panel flex flex-wrap items-center gap-4">{children}</div>
		</details>
	)
}
