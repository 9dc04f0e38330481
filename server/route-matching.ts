// Remembers what React Router's matchRoutes found for a path, so a page request stops paying for it
// four times over (decision 029). Remix 2 matches every document request against the whole route tree
// in the request handler, in the static handler, in <RemixServer>'s router and in <Scripts>'s partial
// manifest; each call flattens ~150 routes, ranks the branches and compiles a regular expression per
// branch, and together that was a quarter of the CPU a home page cost.
//
// The answer depends only on the tree's shape (ids, paths, index flags, case sensitivity), the path and
// the basename. <RemixServer> builds new route objects for every render, so the memo is keyed by the
// shape, and a remembered match is rebuilt with the caller's own route objects. Trees without ids (not
// produced by Remix) are passed to the original untouched.
import { createRequire } from 'node:module'
import type * as RemixRouter from '@remix-run/router'
import type { AgnosticRouteMatch, AgnosticRouteObject } from '@remix-run/router'

type RouterModule = typeof RemixRouter
type Route = AgnosticRouteObject & { id?: string; children?: Route[] }
type Remembered = { routeId: string; params: Record<string, string | undefined>; pathname: string; pathnameBase: string }
type Shape = { key: string; byId: Map<string, Route> } | null

/** Distinct paths remembered per route tree; UUIDs in paths would otherwise grow the memo without end. */
export const PATHS_PER_TREE = 2_000

const shapes = new WeakMap<readonly Route[], Shape>()
const memo = new Map<string, Map<string, Remembered[] | null>>()

function shapeOf(routes: readonly Route[]): Shape {
	let shape = shapes.get(routes)
	if (shape !== undefined) return shape
	const byId = new Map<string, Route>()
	const parts: string[] = []
	const walk = (list: readonly Route[]): boolean => {
		parts.push('[')
		for (const route of list) {
			if (typeof route.id !== 'string' || byId.has(route.id)) return false
			byId.set(route.id, route)
			parts.push(route.id, '\u0001', route.path ?? '', '\u0001', route.index ? 'i' : '', route.caseSensitive ? 'c' : '', '\u0002')
			if (route.children?.length && !walk(route.children)) return false
		}
		parts.push(']')
		return true
	}
	shape = walk(routes) ? { key: parts.join(''), byId } : null
	shapes.set(routes, shape)
	return shape
}

function pathnameOf(location: Parameters<RouterModule['matchRoutes']>[1], parsePath: RouterModule['parsePath']) {
	return (typeof location === 'string' ? parsePath(location).pathname : location.pathname) || '/'
}

/** A matchRoutes that answers from memory when it has seen the same tree shape and path before. */
export function rememberingMatchRoutes(original: RouterModule['matchRoutes'], parsePath: RouterModule['parsePath']): RouterModule['matchRoutes'] {
	return function matchRoutes<R extends AgnosticRouteObject>(routes: R[], location: Parameters<RouterModule['matchRoutes']>[1], basename = '/') {
		const shape = shapeOf(routes as readonly Route[])
		if (!shape) return original(routes, location, basename)
		let paths = memo.get(shape.key)
		if (!paths) {
			paths = new Map()
			memo.set(shape.key, paths)
		}
		const key = `${basename}\u0000${pathnameOf(location, parsePath)}`
		let remembered = paths.get(key)
		if (remembered === undefined) {
			const matches = original(routes, location, basename)
			remembered =
				matches?.map((match) => ({
					routeId: (match.route as Route).id as string,
					params: { ...match.params },
					pathname: match.pathname,
					pathnameBase: match.pathnameBase,
				})) ?? null
			if (paths.size >= PATHS_PER_TREE) paths.delete(paths.keys().next().value as string)
			paths.set(key, remembered)
			return matches
		}
		if (!remembered) return null
		return remembered.map((match): AgnosticRouteMatch<string, R> => ({
			params: { ...match.params },
			pathname: match.pathname,
			pathnameBase: match.pathnameBase,
			route: shape.byId.get(match.routeId) as unknown as R,
		}))
	} as RouterModule['matchRoutes']
}

type ReactRoutesModule = { createServerRoutes: (manifest: object, routeModules: object, future: object, isSpaMode: boolean, ...rest: unknown[]) => unknown }

/**
 * <RemixServer> also rebuilds the route tree from the manifest for every render (grouping ~150 routes by
 * parent, once per parent). The tree depends only on the build's manifest and modules, which do not change
 * while the process runs, so it is built once per manifest. Its objects are not changed by the render:
 * React Router copies them into its own data routes.
 */
function rememberingCreateServerRoutes(original: ReactRoutesModule['createServerRoutes']): ReactRoutesModule['createServerRoutes'] {
	const built = new WeakMap<object, { key: string; routes: unknown }>()
	// The build's `future` flags are one object for the life of the build: stringified once, not per page.
	const futureKeys = new WeakMap<object, string>()
	const futureKey = (future: object) => {
		let key = futureKeys.get(future)
		if (key === undefined) futureKeys.set(future, (key = JSON.stringify(future)))
		return key
	}
	return (manifest, routeModules, future, isSpaMode, ...rest) => {
		// Only the top-level call (Remix recurses with a parent id and its own grouping) is remembered.
		if (rest.length > 0) return original(manifest, routeModules, future, isSpaMode, ...rest)
		const key = `${futureKey(future)}|${isSpaMode}`
		const known = built.get(manifest)
		if (known && known.key === key) return known.routes
		const routes = original(manifest, routeModules, future, isSpaMode)
		built.set(manifest, { key, routes })
		return routes
	}
}

type ConvertRoutes = (routes: readonly object[], mapRouteProperties: unknown, parentPath?: string[], manifest?: Record<string, unknown>) => object[]

/**
 * React Router's static router then copies that tree into "data routes" for every render. With the tree
 * now the same object each time, the copy is kept per tree too. The caller's id-to-route manifest (the
 * static router only looks routes up in it) reads the kept one through its prototype: copying ~150
 * entries into it for every render was 2 % of a page.
 */
function rememberingConvertRoutes(original: ConvertRoutes): ConvertRoutes {
	const converted = new WeakMap<object, { mapRouteProperties: unknown; dataRoutes: object[]; manifest: Record<string, unknown> }>()
	return (routes, mapRouteProperties, parentPath, manifest) => {
		if (parentPath !== undefined) return original(routes, mapRouteProperties, parentPath, manifest)
		const known = converted.get(routes)
		if (known && known.mapRouteProperties === mapRouteProperties) {
			if (manifest && Object.keys(manifest).length === 0) Object.setPrototypeOf(manifest, known.manifest)
			else if (manifest) Object.assign(manifest, known.manifest)
			return known.dataRoutes
		}
		const own: Record<string, unknown> = {}
		const dataRoutes = original(routes, mapRouteProperties, undefined, own)
		converted.set(routes, { mapRouteProperties, dataRoutes, manifest: own })
		if (manifest) Object.assign(manifest, own)
		return dataRoutes
	}
}

/**
 * Puts the remembering functions in place of the library exports. Remix's server runtime, <RemixServer>
 * (through react-router) and <Scripts> read the exports at each call, so all of them use them; the
 * static handler's own internal call to matchRoutes does not. Call once, before the first request.
 */
export function installRouteMatchingMemo() {
	const require = createRequire(import.meta.url)
	const router = require('@remix-run/router') as RouterModule & { __portalMemo?: true; UNSAFE_convertRoutesToDataRoutes: ConvertRoutes }
	if (router.__portalMemo) return
	Object.assign(router, {
		matchRoutes: rememberingMatchRoutes(router.matchRoutes, router.parsePath),
		UNSAFE_convertRoutesToDataRoutes: rememberingConvertRoutes(router.UNSAFE_convertRoutesToDataRoutes),
		__portalMemo: true,
	})
	const reactRoutes = require(require.resolve('@remix-run/react/dist/routes.js')) as ReactRoutesModule
	reactRoutes.createServerRoutes = rememberingCreateServerRoutes(reactRoutes.createServerRoutes)
}
