// Every job the app runs: name -> payload schema -> handler (each defined with defineJob in its own
// file here). A process that works jobs (the worker, the demo, development) works all of these.
import { sendEmailJob } from './send-email.server'

export const allJobs = [sendEmailJob] as const

export type RegisteredJob = (typeof allJobs)[number]
export type JobName = RegisteredJob['name']
