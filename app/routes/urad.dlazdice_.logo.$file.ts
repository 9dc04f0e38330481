import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { pickText } from '~/modules/i18n/locales'
import { loadTownLogo } from '~/modules/theming/load-town-logo.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { TILE_PNG_SIZES, tileLogoPng, tileLogoSvg, type TilePngSize } from '~/modules/tile/render-tile-logo.server'

// /urad/dlazdice/logo/dlazdice.svg and /urad/dlazdice/logo/dlazdice-<size>.png: the tile logo for the
// state Portál občana, made from the coat of arms and the theme.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'TownSettings', { request, context })
	const match = /^dlazdice(?:-(\d+))?\.(svg|png)$/.exec(params.file ?? '')
	const size = Number(match?.[1]) as TilePngSize
	if (!match || (match[2] === 'png') !== TILE_PNG_SIZES.includes(size) || (match[2] === 'svg' && match[1])) throw data(null, { status: 404 })
	const profile = await requireTownProfile(context)
	const logo = await loadTownLogo(user.db)
	const svg = tileLogoSvg({ name: pickText(profile.name, 'cs'), logo, theme: profile.theme })
	const body = match[2] === 'svg' ? svg : await tileLogoPng(svg, size)
	return new Response(body, {
		headers: {
			'Content-Type': match[2] === 'svg' ? 'image/svg+xml' : 'image/png',
			'Content-Disposition': `inline; filename="${profile.slug}-${params.file}"`,
			'Cache-Control': 'private, max-age=300',
			'Content-Security-Policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox",
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
