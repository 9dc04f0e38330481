// Generates both Prisma clients without network access.
// The Prisma CLI wants its schema engine binary on every command and would try to download it;
// generation never uses it, so any existing file satisfies the check (see docs/decisions/002).
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' }
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url)

for (const which of ['platform', 'tenant']) {
	const result = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate', '--schema', `prisma/${which}/schema.prisma`], {
		stdio: 'inherit',
		env,
	})
	if (result.status !== 0) {
		console.error(`prisma generate failed for the ${which} schema`)
		process.exit(result.status ?? 1)
	}
}
