import { z } from 'zod'

// Zod 4 compiles object parsers with `new Function` when it can, and probes for that once per
// schema. The browser runs under a CSP without 'unsafe-eval', where the probe is reported as a
// violation. Jitless parsing is plenty fast for forms. Imported first by root.tsx (route modules
// are evaluated before entry.client) and by the shared form schemas themselves.
if (typeof document !== 'undefined') z.config({ jitless: true })
