import { matchRoutes, parsePath, type AgnosticRouteObject } from '@remix-run/router'
import { describe, expect, test } from 'vitest'
import { rememberingMatchRoutes } from './route-matching'

type Route = AgnosticRouteObject & { id?: string; children?: Route[] }

// A tree shaped like Remix's: a root layout, index routes, nested layouts, params, an optional segment and a splat.
function tree(overrides: { officePath?: string } = {}): Route[] {
	return [
		{
			id: 'root',
			path: '',
			children: [
				{ id: 'routes/_index', index: true },
				{ id: 'routes/platby._index', path: 'platby', index: true },
				{ id: 'routes/platby.$claimId', path: 'platby/:claimId' },
				{ id: 'routes/podani.$number', path: 'podani/:number' },
				{
					id: 'routes/urad',
					path: overrides.officePath ?? 'urad',
					children: [
						{ id: 'routes/urad._index', index: true },
						{ id: 'routes/urad.podani.$number', path: 'podani/:number' },
						{ id: 'routes/urad.formulare.$code', path: 'formulare/:code/:version?' },
					],
				},
				{ id: 'routes/$', path: '*' },
			],
		},
	]
}

const PATHS = [
	'/',
	'/platby',
	'/platby/',
	'/platby/7b0e2a9e-1',
	'/podani/VES-2026-1',
	'/urad',
	'/urad/podani/42',
	'/urad/formulare/psi',
	'/urad/formulare/psi/2',
	'/URAD/Podani/1',
	'/nikde/nic',
	'/platby?predpis=1#x',
]

const plain = (matches: ReturnType<typeof matchRoutes>) =>
	matches?.map((match) => ({ id: match.route.id, params: match.params, pathname: match.pathname, pathnameBase: match.pathnameBase }))

describe('the remembering matchRoutes', () => {
	test('answers as React Router does, the first time and from memory, with the caller’s own route objects', () => {
		const remembering = rememberingMatchRoutes(matchRoutes, parsePath)
		for (const round of [1, 2, 3]) {
			// A new tree of the same shape every time, as <RemixServer> builds one per render.
			const routes = tree()
			for (const path of PATHS) {
				const expected = matchRoutes(routes, path)
				const got = remembering(routes, path)
				expect(plain(got), `${path} (round ${round})`).toEqual(plain(expected))
				got?.forEach((match, index) => expect(match.route).toBe(expected?.[index]?.route))
			}
			expect(remembering(routes, { pathname: '/urad/podani/42', search: '', hash: '' })?.at(-1)?.params).toEqual({ number: '42' })
			expect(remembering(routes, '/platby', '/platby')?.map((match) => match.route.id)).toEqual(
				matchRoutes(routes, '/platby', '/platby')?.map((match) => match.route.id),
			)
		}
	})

	test('a tree of another shape gets its own answers', () => {
		const remembering = rememberingMatchRoutes(matchRoutes, parsePath)
		expect(remembering(tree(), '/urad/podani/1')?.at(-1)?.route.id).toBe('routes/urad.podani.$number')
		// Same ids, the office moved to /kancelar: /urad/... is now the catch-all.
		expect(remembering(tree({ officePath: 'kancelar' }), '/urad/podani/1')?.at(-1)?.route.id).toBe('routes/$')
		expect(remembering(tree({ officePath: 'kancelar' }), '/kancelar/podani/1')?.at(-1)?.params).toEqual({ number: '1' })
	})

	test('a caller changing the params it got does not change what the next caller gets', () => {
		const remembering = rememberingMatchRoutes(matchRoutes, parsePath)
		remembering(tree(), '/podani/1')
		const first = remembering(tree(), '/podani/1')
		if (first?.[1]) (first[1].params as Record<string, string>).number = 'changed'
		expect(remembering(tree(), '/podani/1')?.[1]?.params).toEqual({ number: '1' })
	})

	test('a tree without route ids is matched by React Router itself', () => {
		const remembering = rememberingMatchRoutes(matchRoutes, parsePath)
		const routes: Route[] = [{ path: '/a/:x' }, { path: '/b' }]
		expect(plain(remembering(routes, '/a/1'))).toEqual(plain(matchRoutes(routes, '/a/1')))
		expect(remembering([{ path: '/a/:y' }], '/a/1')?.[0]?.params).toEqual({ y: '1' })
	})
})

describe("React Router's matchRoutes with the patch (patches/@remix-run+router): matches remembered per route tree", () => {
	test('the same tree asked again answers as a fresh tree does, with copies the caller may change', () => {
		const routes = tree()
		for (const round of [1, 2, 3]) {
			for (const path of PATHS) {
				const fresh = matchRoutes(tree(), path)
				const again = matchRoutes(routes, path)
				expect(plain(again), `${path} (round ${round})`).toEqual(plain(fresh))
				again?.forEach((match, index) => expect(match.route.id).toBe(fresh?.[index]?.route.id))
				// The matches of one answer share one params object, as React Router makes them.
				if (again && again.length > 1) expect(again[0]!.params).toBe(again.at(-1)!.params)
				if (again?.[0]) (again[0].params as Record<string, string>).number = 'changed'
			}
		}
		expect(matchRoutes(routes, '/podani/1')?.at(-1)?.params).toEqual({ number: '1' })
	})
})
