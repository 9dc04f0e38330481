import { z } from 'zod'

const EnvNameSchema = z.string().regex(/^[A-Z][A-Z0-9_]{2,}$/, 'must name an environment variable (A-Z, 0-9, _), never hold the secret itself')

/** A gateway or connector credential: the blueprint names the variable, the value stays in the environment. */
export const SecretRefSchema = z
	.object({ env: EnvNameSchema }, { error: 'must be { env: VARIABLE_NAME }: name the environment variable that holds the secret, never the secret itself' })
	.strict()

export type SecretRef = z.infer<typeof SecretRefSchema>
