// The bench's reference server: Express + @remix-run/express, no middleware at all.
import { createRequestHandler } from '@remix-run/express'
import express from 'express'

const build = await import(new URL('./build/index.js', import.meta.url).href)
const app = express()
app.all('*', createRequestHandler({ build, mode: 'production' }))
const server = app.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '127.0.0.1', () => {
	console.log(`reference listening on ${server.address().port}`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
