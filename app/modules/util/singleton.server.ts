// The Remix build and the Express entry are bundled separately, and both import these modules.
// Process-wide state (the pool, client caches, the tenant cache) therefore lives on globalThis,
// so that the two copies share one instance.
const store = globalThis as unknown as { __portalSingletons?: Map<string, unknown> }

export function singleton<T>(name: string, create: () => T): T {
	store.__portalSingletons ??= new Map()
	if (!store.__portalSingletons.has(name)) store.__portalSingletons.set(name, create())
	return store.__portalSingletons.get(name) as T
}

export function resetSingleton(name: string) {
	store.__portalSingletons?.delete(name)
}
